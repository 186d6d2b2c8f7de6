import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { encodePng } from '../src/images.js';
import { authorizeApp, startTestSim, unauthorizedApp } from './helpers.js';
import type { TestSim } from './helpers.js';

let sim: TestSim;
let q: string;

beforeEach(async () => {
  sim = await startTestSim({
    platformServerDomains: ['example.com'],
    platformWebviewDomains: ['https://www.example.com'],
    testerLimit: 2,
  });
  q = `access_token=${(await authorizeApp(sim, await unauthorizedApp(sim))).authorizerToken}`;
});
afterEach(async () => {
  await sim.close();
});

const post = (path: string, body: unknown) => sim.api(path, q, { body });

describe('server domains (05 E16)', () => {
  test('add/get/delete/set with the documented response lists; platform registration and scheme rules', async () => {
    const added = await post('/wxa/modify_domain', {
      action: 'add',
      requestdomain: ['https://api.example.com'],
      wsrequestdomain: ['wss://ws.example.com'],
    });
    expect(added.json).toMatchObject({
      errcode: 0,
      requestdomain: ['https://api.example.com'],
      wsrequestdomain: ['wss://ws.example.com'],
      uploaddomain: [],
      downloaddomain: [],
      udpdomain: [],
      tcpdomain: [],
      invalid_requestdomain: [],
      no_icp_domain: [],
    });
    expect(
      (await post('/wxa/modify_domain', { action: 'add', requestdomain: ['https://other.net'] })).json['errcode'],
    ).toBe(85018);
    expect(
      (await post('/wxa/modify_domain', { action: 'add', requestdomain: ['http://api.example.com'] })).json['errcode'],
    ).toBe(85301);
    expect((await post('/wxa/modify_domain', { action: 'add' })).json['errcode']).toBe(85017);
    expect((await post('/wxa/modify_domain', { action: 'get' })).json['requestdomain']).toEqual([
      'https://api.example.com',
    ]);
    expect(
      (await post('/wxa/modify_domain', { action: 'delete', requestdomain: ['https://api.example.com'] })).json[
        'requestdomain'
      ],
    ).toEqual([]);
    expect(
      (await post('/wxa/modify_domain_directly', { action: 'add', requestdomain: ['https://api.weixin.qq.com'] })).json[
        'errcode'
      ],
    ).toBe(86101);
    expect(
      (await post('/wxa/modify_domain_directly', { action: 'add', requestdomain: ['https://direct.net:8443'] })).json[
        'errcode'
      ],
    ).toBe(0);
    const effective = await post('/wxa/get_effective_domain', {});
    expect((effective.json['effective_domain'] as Record<string, string[]>)['requestdomain']).toEqual([
      'https://direct.net:8443',
    ]);
  });

  test('web-view domains: must be under the platform’s, 89019 unchanged, default action adds the platform’s', async () => {
    expect(
      (await post('/wxa/setwebviewdomain', { action: 'add', webviewdomain: ['https://evil.net'] })).json['errcode'],
    ).toBe(89021);
    expect(
      (await post('/wxa/setwebviewdomain', { action: 'add', webviewdomain: ['https://shop.www.example.com'] })).json[
        'errcode'
      ],
    ).toBe(0);
    expect(
      (await post('/wxa/setwebviewdomain', { action: 'add', webviewdomain: ['https://shop.www.example.com'] })).json[
        'errcode'
      ],
    ).toBe(89019);
    expect((await post('/wxa/setwebviewdomain', {})).json['errcode']).toBe(0);
    expect((await post('/wxa/setwebviewdomain', { action: 'get' })).json['webviewdomain']).toEqual([
      'https://shop.www.example.com',
      'https://www.example.com',
    ]);
  });
});

describe('testers (05 E18)', () => {
  test('bind/unbind/memberauth with 85001/85002/85004', async () => {
    const bound = await post('/wxa/bind_tester', { wechatid: 'tester_one' });
    expect(bound.json).toEqual({ errcode: 0, errmsg: 'ok', userstr: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect((await post('/wxa/bind_tester', { wechatid: 'tester_one' })).json['errcode']).toBe(85004);
    expect((await post('/wxa/bind_tester', { wechatid: '1bad' })).json['errcode']).toBe(85001);
    await post('/wxa/bind_tester', { wechatid: 'tester_two' });
    expect((await post('/wxa/bind_tester', { wechatid: 'tester_three' })).json['errcode']).toBe(85002);
    expect((await post('/wxa/memberauth', { action: 'get_experiencer' })).json['members']).toHaveLength(2);
    expect((await post('/wxa/unbind_tester', { userstr: bound.json['userstr'] })).json['errcode']).toBe(0);
    expect((await post('/wxa/unbind_tester', { wechatid: 'tester_one' })).json['errcode']).toBe(85001);
  });
});

describe('privacy settings (05 E22)', () => {
  test('86069/86070, dev guide round trip, live guide absent (86074) until a release', async () => {
    expect((await post('/cgi-bin/component/setprivacysetting', { setting_list: [] })).json['errcode']).toBe(86069);
    expect(
      (
        await post('/cgi-bin/component/setprivacysetting', {
          owner_setting: { contact_email: 'a@b.c' },
          setting_list: [],
        })
      ).json['errcode'],
    ).toBe(86070);
    const body = {
      owner_setting: { contact_email: 'ops@example.com', notice_method: '弹窗' },
      setting_list: [{ privacy_key: 'Location', privacy_text: '查找附近门店' }],
    };
    expect((await post('/cgi-bin/component/setprivacysetting', body)).json['errcode']).toBe(0);
    const got = await post('/cgi-bin/component/getprivacysetting', { privacy_ver: 2 });
    expect(got.json).toMatchObject({
      errcode: 0,
      code_exist: 0,
      privacy_list: [],
      setting_list: [{ privacy_key: 'Location', privacy_text: '查找附近门店', privacy_label: '位置信息' }],
      owner_setting: { contact_email: 'ops@example.com', notice_method: '弹窗', contact_phone: '' },
      privacy_desc: {
        privacy_desc_list: expect.arrayContaining([
          { privacy_key: 'UserInfo', privacy_desc: '用户信息（微信昵称、头像）' },
        ]),
      },
    });
    expect((await post('/cgi-bin/component/setprivacysetting', { ...body, privacy_ver: 1 })).json['errcode']).toBe(
      86074,
    );
    expect((await sim.api('/cgi-bin/component/getprivacysetting', q, { method: 'POST' })).json['errcode']).toBe(44002);
  });
});

describe('media and nickname (05 E20, E21)', () => {
  test('uploadmedia takes a multipart image, 41005 without media, 40005 for non-images', async () => {
    const png = encodePng(2, 2, Buffer.alloc(16, 200));
    const multipart = (content: Buffer, field = 'media') => {
      const boundary = 'simboundary42';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return sim.api('/wxa/uploadmedia', q, {
        body,
        headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    const uploaded = await multipart(png);
    expect(uploaded.json).toEqual({ errcode: 0, errmsg: 'ok', type: 'image', mediaid: expect.any(String) });
    expect((await multipart(png, 'file')).json['errcode']).toBe(41005);
    expect((await multipart(Buffer.from('hello'))).json['errcode']).toBe(40005);
    expect((await sim.api('/wxa/uploadmedia', q)).json['errcode']).toBe(43002);
    const material = await post('/cgi-bin/material/get_material', { media_id: uploaded.json['mediaid'] });
    expect(material.headers['content-type']).toBe('image/png');
    expect((await post('/cgi-bin/material/get_material', { media_id: 'nope' })).json['errcode']).toBe(40007);
  });

  test('setnickname: a name hitting a keyword goes to review and its result is pushed (05 E21, 02 B12)', async () => {
    const set = await post('/wxa/setnickname', { nick_name: '新名字官方小店', license: 'media-license' });
    expect(set.json).toMatchObject({ errcode: 0, audit_id: expect.any(Number), wording: expect.any(String) });
    expect((await post('/wxa/api_wxa_querynickname', { audit_id: set.json['audit_id'] })).json['audit_stat']).toBe(1);
    await sim.control('POST', '/clock/advance', { seconds: 61 });
    expect((await post('/wxa/api_wxa_querynickname', { audit_id: set.json['audit_id'] })).json).toMatchObject({
      nickname: '新名字官方小店',
      audit_stat: 3,
    });
    expect((await post('/wxa/api_wxa_querynickname', { audit_id: 1 })).json['errcode']).toBe(91011);
    const [push] = (await sim.control('GET', '/pushes?kind=wxa_nickname_audit'))['pushes'] as { xml: string }[];
    expect(push!.xml).toContain('<ret>3</ret>');
  });
});
