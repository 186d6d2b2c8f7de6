import { afterEach, describe, expect, test } from 'vitest';
import { authorizeApp, componentTokenOf, startTestSim, unauthorizedApp } from './helpers.js';
import type { TestSim } from './helpers.js';

const C = '/cgi-bin/component';
let sim: TestSim;
afterEach(async () => {
  await sim?.close();
});

describe('authorizer info, list, options (01 A7–A9)', () => {
  test('api_get_authorizer_info has the documented mini-program shape', async () => {
    sim = await startTestSim();
    const s = await authorizeApp(sim, await unauthorizedApp(sim), [17, 18]);
    const info = await sim.api(`${C}/api_get_authorizer_info`, `component_access_token=${s.componentToken}`, {
      body: { component_appid: sim.platform.componentAppid, authorizer_appid: s.appid },
    });
    const authorizer = info.json['authorizer_info'] as Record<string, unknown>;
    expect(authorizer).toMatchObject({
      nick_name: expect.any(String),
      head_img: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/mmopen\/wx[0-9a-f]{16}\/0$/),
      service_type_info: { id: 0 },
      verify_type_info: { id: 0 },
      user_name: expect.stringMatching(/^gh_[0-9a-f]{12}$/),
      principal_name: expect.any(String),
      MiniProgramInfo: {
        network: {
          RequestDomain: [],
          WsRequestDomain: [],
          UploadDomain: [],
          DownloadDomain: [],
          BizDomain: [],
          UDPDomain: [],
          TCPDomain: [],
        },
        categories: [expect.objectContaining({ first: expect.any(String) })],
        visit_status: 0,
      },
      register_type: 0,
      account_status: 1,
      basic_config: { is_phone_configured: true, is_email_configured: true },
    });
    expect(info.json['authorization_info']).toEqual({
      authorizer_appid: s.appid,
      authorizer_refresh_token: s.refreshToken,
      func_info: [{ funcscope_category: { id: 17 } }, { funcscope_category: { id: 18 } }],
    });
    const avatar = await fetch(authorizer['head_img'] as string);
    expect(avatar.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await avatar.arrayBuffer()).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  test('api_get_authorizer_list: paging, count ≤ 500 (40170), refresh_token empty until the code is exchanged', async () => {
    sim = await startTestSim();
    const token = await componentTokenOf(sim);
    const appid = await unauthorizedApp(sim);
    await sim.control('POST', '/merchant/authorize', { appid });
    const list = (body: Record<string, unknown>) =>
      sim.api(`${C}/api_get_authorizer_list`, `component_access_token=${token}`, {
        body: { component_appid: sim.platform.componentAppid, ...body },
      });
    const all = await list({ offset: 0, count: 500 });
    expect(all.json['total_count']).toBe(13);
    const entries = all.json['list'] as { authorizer_appid: string; refresh_token: string; auth_time: number }[];
    expect(entries.find((e) => e.authorizer_appid === appid)!.refresh_token).toBe('');
    expect(entries.filter((e) => e.refresh_token.startsWith('refreshtoken@@@'))).toHaveLength(12);
    expect(((await list({ offset: 10, count: 5 })).json['list'] as unknown[]).length).toBe(3);
    expect((await list({ offset: 0, count: 501 })).json['errcode']).toBe(40170);
  });

  test('authorizer options: legacy paths with component token; 61012/61013', async () => {
    sim = await startTestSim();
    const s = await authorizeApp(sim, await unauthorizedApp(sim));
    const q = `component_access_token=${s.componentToken}`;
    const base = { component_appid: sim.platform.componentAppid, authorizer_appid: s.appid };
    expect(
      (
        await sim.api(`${C}/api_set_authorizer_option`, q, {
          body: { ...base, option_name: 'voice_recognize', option_value: '1' },
        })
      ).json['errcode'],
    ).toBe(0);
    expect(
      (await sim.api(`${C}/api_get_authorizer_option`, q, { body: { ...base, option_name: 'voice_recognize' } })).json,
    ).toEqual({ authorizer_appid: s.appid, option_name: 'voice_recognize', option_value: '1' });
    expect(
      (await sim.api(`${C}/api_get_authorizer_option`, q, { body: { ...base, option_name: 'nope' } })).json['errcode'],
    ).toBe(61012);
    expect(
      (
        await sim.api(`${C}/api_set_authorizer_option`, q, {
          body: { ...base, option_name: 'location_report', option_value: '9' },
        })
      ).json['errcode'],
    ).toBe(61013);
    const viaAuthorizer = await sim.api(`${C}/get_authorizer_option`, `access_token=${s.authorizerToken}`, {
      body: { option_name: 'voice_recognize' },
    });
    expect(viaAuthorizer.json).toEqual({ option_name: 'voice_recognize', option_value: '1' });
  });
});

describe('quota tools and rid lookup (01 A11–A13)', () => {
  test('daily quota → 45009, quota/get reports it, clear_quota resets (10/month → 48006)', async () => {
    sim = await startTestSim({
      quota: { perPath: { '/cgi-bin/component/api_create_preauthcode': 3 }, clearPerMonth: 1 },
    });
    const token = await componentTokenOf(sim);
    const body = { component_appid: sim.platform.componentAppid };
    const create = () => sim.api(`${C}/api_create_preauthcode`, `component_access_token=${token}`, { body });
    for (let i = 0; i < 3; i++) expect((await create()).json['pre_auth_code']).toBeTypeOf('string');
    expect((await create()).json['errcode']).toBe(45009);
    const quota = await sim.api('/cgi-bin/openapi/quota/get', `access_token=${token}`, {
      body: { cgi_path: `${C}/api_create_preauthcode` },
    });
    expect(quota.json).toMatchObject({
      errcode: 0,
      quota: { daily_limit: 3, used: 3, remain: 0 },
      rate_limit: { call_count: 0, refresh_second: 0 },
    });
    expect(
      (
        await sim.api('/cgi-bin/openapi/quota/get', `access_token=${token}`, {
          body: { cgi_path: 'https://api.weixin.qq.com/x' },
        })
      ).json['errcode'],
    ).toBe(76003);
    expect(
      (await sim.api('/cgi-bin/openapi/quota/get', `access_token=${token}`, { body: { cgi_path: '/wxa/nothing' } }))
        .json['errcode'],
    ).toBe(76021);
    expect(
      (await sim.api('/cgi-bin/openapi/quota/get', `access_token=${token}`, { body: { cgi_path: '/wxa/commit' } }))
        .json['errcode'],
    ).toBe(76022);
    expect(
      (await sim.api('/cgi-bin/clear_quota', `access_token=${token}`, { body: { appid: 'wx0000000000000000' } })).json[
        'errcode'
      ],
    ).toBe(40013);
    expect(
      (await sim.api('/cgi-bin/clear_quota', `access_token=${token}`, { body: { appid: sim.platform.componentAppid } }))
        .json['errcode'],
    ).toBe(0);
    expect((await create()).json['pre_auth_code']).toBeTypeOf('string');
    expect(
      (await sim.api('/cgi-bin/clear_quota', `access_token=${token}`, { body: { appid: sim.platform.componentAppid } }))
        .json['errcode'],
    ).toBe(48006);
    const v2 = await sim.api(`${C}/clear_quota/v2`, '', {
      body: { component_appid: sim.platform.componentAppid, appsecret: sim.platform.componentAppsecret },
    });
    expect(v2.json['errcode']).toBe(48006);
  });

  test('quota resets at Beijing midnight of the simulated clock', async () => {
    sim = await startTestSim({ quota: { dailyLimit: 1 } });
    const token = await componentTokenOf(sim);
    const call = () => sim.api('/wxa/gettemplatelist', `access_token=${token}`);
    expect((await call()).json['errcode']).toBe(0);
    expect((await call()).json['errcode']).toBe(45009);
    await sim.control('POST', '/clock/advance', { seconds: 86400 });
    await sim.api(`${C}/api_start_push_ticket`, '', {
      body: { component_appid: sim.platform.componentAppid, component_secret: sim.platform.componentAppsecret },
    });
    const fresh = await componentTokenOf(sim);
    expect((await sim.api('/wxa/gettemplatelist', `access_token=${fresh}`)).json['errcode']).toBe(0);
  });

  test('clear_quota/v2: 43007 for an appid not authorized to the platform', async () => {
    sim = await startTestSim();
    const result = await sim.api(`${C}/clear_quota/v2`, '', {
      body: {
        component_appid: sim.platform.componentAppid,
        appsecret: sim.platform.componentAppsecret,
        appid: await unauthorizedApp(sim),
      },
    });
    expect(result.json['errcode']).toBe(43007);
  });

  test('rid/get returns the failed call with client_ip and without the token; 76001 for others', async () => {
    sim = await startTestSim();
    const token = await componentTokenOf(sim);
    const failed = await sim.api(`${C}/api_create_preauthcode`, `component_access_token=${token}`, {
      body: { component_appid: 'wx0000000000000000' },
    });
    const rid = /rid: (\S+)$/.exec(failed.json['errmsg'] as string)![1];
    const lookup = await sim.api('/cgi-bin/openapi/rid/get', `access_token=${token}`, { body: { rid } });
    expect(lookup.json['request']).toMatchObject({
      invoke_time: expect.any(Number),
      cost_in_ms: expect.any(Number),
      client_ip: '127.0.0.1',
      request_body: expect.stringContaining('wx0000000000000000'),
    });
    expect((lookup.json['request'] as Record<string, string>)['request_url']).not.toContain(token);
    expect(
      (
        await sim.api('/cgi-bin/openapi/rid/get', `access_token=${token}`, {
          body: { rid: '00000000-00000000-00000000' },
        })
      ).json['errcode'],
    ).toBe(76001);
    expect((await sim.api('/cgi-bin/get_api_domain_ip', `access_token=${token}`)).json['ip_list']).toEqual([
      '127.0.0.1',
    ]);
  });
});

describe('templates (04)', () => {
  test('draft list, addtotemplate (ok only), template list filter, delete, 85064', async () => {
    sim = await startTestSim();
    const token = await componentTokenOf(sim);
    const q = `access_token=${token}`;
    const drafts = (await sim.api('/wxa/gettemplatedraftlist', q)).json['draft_list'] as Record<string, unknown>[];
    expect(drafts).toHaveLength(3);
    expect(drafts[0]).toEqual({
      create_time: expect.any(Number),
      user_version: '1.4.0',
      user_desc: expect.any(String),
      draft_id: 1,
      source_miniprogram_appid: expect.any(String),
      source_miniprogram: expect.any(String),
      developer: expect.any(String),
      category_list: [],
    });
    expect((await sim.api('/wxa/addtotemplate', q, { body: { draft_id: '3', template_type: 0 } })).json).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    expect((await sim.api('/wxa/addtotemplate', q, { body: { draft_id: 3, template_type: 1 } })).json['errcode']).toBe(
      0,
    );
    expect((await sim.api('/wxa/addtotemplate', q, { body: { draft_id: 99 } })).json['errcode']).toBe(85064);
    const all = (await sim.api('/wxa/gettemplatelist', q)).json['template_list'] as Record<string, unknown>[];
    expect(all).toHaveLength(4);
    expect(all[0]).not.toHaveProperty('audit_status');
    expect(all[3]).toMatchObject({ template_type: 1, audit_status: expect.any(Number) });
    expect(
      ((await sim.api('/wxa/gettemplatelist', `${q}&template_type=1`)).json['template_list'] as unknown[]).length,
    ).toBe(1);
    expect(
      (await sim.api('/wxa/deletetemplate', q, { body: { template_id: all[0]!['template_id'] } })).json['errcode'],
    ).toBe(0);
    expect(
      (await sim.api('/wxa/deletetemplate', q, { body: { template_id: all[0]!['template_id'] } })).json['errcode'],
    ).toBe(85064);
    const draft = await sim.control('POST', '/drafts', {
      user_version: '3.0.0',
      user_desc: 'from devtools',
      pages: ['pages/a/a'],
    });
    expect(draft['draft_id']).toBe(4);
  });

  test('the library holds 200 per type (85065)', async () => {
    sim = await startTestSim();
    const q = `access_token=${await componentTokenOf(sim)}`;
    for (let i = 0; i < 198; i++)
      expect((await sim.api('/wxa/addtotemplate', q, { body: { draft_id: 1 } })).json['errcode']).toBe(0);
    expect((await sim.api('/wxa/addtotemplate', q, { body: { draft_id: 1 } })).json['errcode']).toBe(85065);
    expect((await sim.api('/wxa/addtotemplate', q, { body: { draft_id: 1, template_type: 1 } })).json['errcode']).toBe(
      0,
    );
  });

  test('templatesUnauthorized: the template APIs answer 48001 where the platform may only use the web page', async () => {
    sim = await startTestSim({ templatesUnauthorized: 'addtotemplate' });
    const q = `access_token=${await componentTokenOf(sim)}`;
    expect((await sim.api('/wxa/addtotemplate', q, { body: { draft_id: 3 } })).json['errcode']).toBe(48001);
    expect((await sim.api('/wxa/gettemplatedraftlist', q)).json['errcode']).toBe(0);
    await sim.close();
    sim = await startTestSim({ templatesUnauthorized: 'all' });
    const all = `access_token=${await componentTokenOf(sim)}`;
    expect((await sim.api('/wxa/gettemplatedraftlist', all)).json['errcode']).toBe(48001);
    expect((await sim.api('/wxa/gettemplatelist', all)).json['errcode']).toBe(48001);
    expect((await sim.api('/wxa/deletetemplate', all, { body: { template_id: 1 } })).json['errcode']).toBe(48001);
  });
});
