import { afterEach, describe, expect, test } from 'vitest';
import { BOOKING, GUIDE, ORDERING, commitAndSubmit, startAppFixture } from './app-fixture.js';
import type { AppFixture } from './app-fixture.js';
import { multipart, pushesOf } from './helpers.js';

let f: AppFixture;
afterEach(async () => f?.close());

const DECLARED = { requiredPrivateInfos: ['getLocation', 'chooseAddress'] };
const SHOP_GUIDE = {
  ...GUIDE,
  setting_list: [
    ...GUIDE.setting_list,
    { privacy_key: 'Location', privacy_text: '查找附近门店' },
    { privacy_key: 'Address', privacy_text: '填写收货地址' },
  ],
};

type Interface = { api_name: string; status: number; audit_id?: number; fail_reason?: string };
const interfaces = async (): Promise<Interface[]> =>
  (await f.get('/wxa/security/get_privacy_interface')).json['interface_list'] as Interface[];
const statusOf = async (api: string) => (await interfaces()).find((i) => i.api_name === api);

describe('privacy interfaces: get_privacy_interface / apply_privacy_interface (05 E24, 02 B17)', () => {
  test('the location interfaces, open for application; an application is reviewed, granted and pushed', async () => {
    f = await startAppFixture();
    const list = await interfaces();
    expect(list.map((i) => i.api_name)).toEqual(expect.arrayContaining(['wx.getLocation', 'wx.chooseLocation']));
    expect(list.every((i) => i.status === 1 && i.audit_id === undefined)).toBe(true);
    expect(list[0]).toMatchObject({
      api_ch_name: expect.any(String),
      api_link: expect.any(String),
      group_name: '地理位置',
    });

    const applied = await f.post('/wxa/security/apply_privacy_interface', {
      api_name: 'wx.getLocation',
      content: '用户下单时定位最近的门店，计算配送距离',
    });
    expect(applied.json).toEqual({ errcode: 0, errmsg: 'ok', audit_id: expect.any(Number) });
    expect(await statusOf('wx.getLocation')).toMatchObject({ status: 3, audit_id: applied.json['audit_id'] });
    const again = await f.post('/wxa/security/apply_privacy_interface', { api_name: 'wx.getLocation', content: 'x' });
    expect(again.json['audit_id']).toBe(applied.json['audit_id']);

    await f.advance(61);
    expect(await statusOf('wx.getLocation')).toMatchObject({ status: 5 });
    const [push] = await pushesOf(f.sim, 'wxa_privacy_apply');
    expect(push?.kind === 'wxa_privacy_apply' && push.fields).toMatchObject({
      api_name: 'wx.getLocation',
      status: '5',
    });
  });

  test('a rejection carries fail_reason and can be applied for again; bad requests are refused', async () => {
    f = await startAppFixture();
    const apply = (body: Record<string, unknown>) => f.post('/wxa/security/apply_privacy_interface', body);
    expect((await apply({ api_name: 'wx.getlocation', content: '定位' })).json['errcode']).toBe(47001);
    expect((await apply({ api_name: 'wx.choosePoi', content: '长'.repeat(301) })).json['errcode']).toBe(47001);
    const first = await apply({ api_name: 'wx.choosePoi', content: '选择收货地点' });
    await f.sim.control('POST', '/privacy-interface/decide', {
      appid: f.appid,
      api_name: 'wx.choosePoi',
      outcome: 'reject',
      reason: '场景描述不清',
    });
    expect(await statusOf('wx.choosePoi')).toMatchObject({ status: 4, fail_reason: '场景描述不清' });
    const second = await apply({ api_name: 'wx.choosePoi', content: '用户下单时在地图上选择收货地点' });
    expect(second.json['audit_id']).not.toBe(first.json['audit_id']);
    expect(await statusOf('wx.choosePoi')).toMatchObject({ status: 3 });
  });

  test('status 2 (no permission) refuses applications with the configured errcode (UNCONFIRMED 30)', async () => {
    f = await startAppFixture({ privacyInterfaces: { noPermissionErrcode: 61007 } });
    await f.update({ privacyInterfaces: { 'wx.startLocationUpdateBackground': 2 } });
    const result = await f.post('/wxa/security/apply_privacy_interface', {
      api_name: 'wx.startLocationUpdateBackground',
      content: '后台导航',
    });
    expect(result.json['errcode']).toBe(61007);
  });

  test('pushResult: false sends no wxa_privacy_apply; the result is only read back', async () => {
    f = await startAppFixture({ privacyInterfaces: { pushResult: false, reviewSeconds: 10 } });
    await f.post('/wxa/security/apply_privacy_interface', { api_name: 'wx.getLocation', content: '定位门店' });
    await f.advance(11);
    expect(await statusOf('wx.getLocation')).toMatchObject({ status: 5 });
    expect(await pushesOf(f.sim, 'wxa_privacy_apply')).toEqual([]);
  });
});

describe('61040 on submit_audit is about the privacy interfaces (05 E5, E19, E23)', () => {
  test('undeclared and unpermitted location APIs are listed and refused; declaring and a grant clear them', async () => {
    f = await startAppFixture();
    await f.post('/cgi-bin/component/setprivacysetting', SHOP_GUIDE);
    expect((await commitAndSubmit(f, ORDERING)).json['errcode']).toBe(61040);
    expect((await f.get('/wxa/security/get_code_privacy_info')).json).toMatchObject({
      without_conf_list: ['wx.getLocation', 'wx.chooseAddress'],
      without_auth_list: ['wx.getLocation'],
    });

    expect((await commitAndSubmit(f, ORDERING, DECLARED)).json['errcode']).toBe(61040);
    expect((await f.get('/wxa/security/get_code_privacy_info')).json).toMatchObject({
      without_conf_list: [],
      without_auth_list: ['wx.getLocation'],
    });

    await f.post('/wxa/security/apply_privacy_interface', { api_name: 'wx.getLocation', content: '定位最近门店' });
    await f.sim.control('POST', '/privacy-interface/decide', {
      appid: f.appid,
      api_name: 'wx.getLocation',
      outcome: 'grant',
    });
    expect((await f.get('/wxa/security/get_code_privacy_info')).json['without_auth_list']).toEqual([]);
    expect((await f.post('/wxa/submit_audit', {})).json).toMatchObject({ errcode: 0, auditid: expect.any(Number) });
  });

  test('privacy_api_not_use waives what the scan flagged', async () => {
    f = await startAppFixture();
    await f.post('/cgi-bin/component/setprivacysetting', SHOP_GUIDE);
    expect((await commitAndSubmit(f, ORDERING, {}, { privacy_api_not_use: true })).json['errcode']).toBe(0);
  });

  test('the privacy guide is not a submit error: without one the submission is accepted', async () => {
    f = await startAppFixture();
    expect((await commitAndSubmit(f, BOOKING)).json).toMatchObject({ errcode: 0, auditid: expect.any(Number) });
  });

  test('audit.noGuideSubmitErrcode makes a missing guide a submit error (UNCONFIRMED 23)', async () => {
    f = await startAppFixture({ audit: { noGuideSubmitErrcode: 61040, durationSeconds: 60 } });
    expect((await commitAndSubmit(f, BOOKING)).json['errcode']).toBe(61040);
    await f.post('/cgi-bin/component/setprivacysetting', GUIDE);
    expect((await f.post('/wxa/submit_audit', {})).json['errcode']).toBe(0);
  });
});

describe('the privacy guide is reviewed with the code: problems reject the audit (05 E22, E23)', () => {
  const latest = async () => (await f.get('/wxa/get_latest_auditstatus')).json;

  test('no guide → rejected with a guide reason, pushed as weapp_audit_fail', async () => {
    f = await startAppFixture();
    await commitAndSubmit(f, BOOKING);
    await f.sim.control('POST', '/audit/decide', { appid: f.appid, outcome: 'success' });
    await f.advance(61);
    expect(await latest()).toMatchObject({ status: 1, reason: expect.stringContaining('用户隐私保护指引》未配置') });
    const [push] = await pushesOf(f.sim, 'weapp_audit_fail');
    expect(push).toMatchObject({ kind: 'weapp_audit_fail', reason: expect.stringContaining('用户隐私保护指引') });
  });

  test('a guide that misses keys the code uses names them; placeholder purposes are rejected too', async () => {
    f = await startAppFixture();
    await f.update({ privacyInterfaces: { 'wx.getLocation': 5 } });
    await f.post('/cgi-bin/component/setprivacysetting', GUIDE);
    await commitAndSubmit(f, ORDERING, DECLARED);
    await f.advance(61);
    expect((await latest())['reason']).toContain('未说明以下信息的用途：Location、Address');

    const vague = SHOP_GUIDE.setting_list.map((s) => (s.privacy_key === 'Address' ? { ...s, privacy_text: '' } : s));
    expect(
      (await f.post('/cgi-bin/component/setprivacysetting', { ...GUIDE, setting_list: vague })).json['errcode'],
    ).toBe(0);
    await f.post('/wxa/submit_audit', {});
    await f.advance(61);
    expect((await latest())['reason']).toContain('用途说明为空或过于笼统：Address');

    await f.post('/cgi-bin/component/setprivacysetting', SHOP_GUIDE);
    await f.post('/wxa/submit_audit', {});
    await f.advance(61);
    expect(await latest()).toMatchObject({ status: 0, reason: '' });
  });

  test('the guide as submitted counts, and an overseas entity needs store_region', async () => {
    f = await startAppFixture();
    await f.update({ registeredCountry: 344 });
    await f.post('/cgi-bin/component/setprivacysetting', GUIDE);
    await commitAndSubmit(f, BOOKING);
    await f.post('/cgi-bin/component/setprivacysetting', {
      ...GUIDE,
      owner_setting: { ...GUIDE.owner_setting, store_region: 2 },
    });
    await f.advance(61);
    expect((await latest())['reason']).toContain('store_region');
    await f.post('/wxa/submit_audit', {});
    await f.advance(61);
    expect((await latest())['status']).toBe(0);
  });
});

describe('uploadprivacyextfile (05 E25)', () => {
  const upload = (data: Buffer, field = 'file') =>
    f.sim.api('/cgi-bin/component/uploadprivacyextfile', `access_token=${f.session.authorizerToken}`, {
      ...multipart({ field, filename: 'guide.txt', contentType: 'text/plain', data }),
    });

  test('a TXT file up to 100 KB gives an ext_file_media_id the development guide accepts', async () => {
    f = await startAppFixture();
    const uploaded = await upload(Buffer.from('本小程序的用户隐私保护指引补充说明……'));
    expect(uploaded.json).toEqual({ errcode: 0, errmsg: 'ok', ext_file_media_id: expect.stringMatching(/^\d{19}$/) });
    const owner = { ...GUIDE.owner_setting, ext_file_media_id: uploaded.json['ext_file_media_id'] };
    expect(
      (await f.post('/cgi-bin/component/setprivacysetting', { ...GUIDE, owner_setting: owner })).json['errcode'],
    ).toBe(0);
    const unknown = { ...GUIDE.owner_setting, ext_file_media_id: '2000000000000000000' };
    expect(
      (await f.post('/cgi-bin/component/setprivacysetting', { ...GUIDE, owner_setting: unknown })).json['errcode'],
    ).toBe(86073);
  });

  test('40126 over 100 KB, 40005 for a binary file, 41005 without the file part', async () => {
    f = await startAppFixture();
    expect((await upload(Buffer.alloc(100 * 1024 + 1, 'a'))).json['errcode']).toBe(40126);
    expect((await upload(Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]))).json['errcode']).toBe(40005);
    expect((await upload(Buffer.from('text'), 'media')).json['errcode']).toBe(41005);
  });
});
