import jpeg from 'jpeg-js';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { authorizeApp, startTestSim, unauthorizedApp } from './helpers.js';
import type { Session, TestSim } from './helpers.js';

let sim: TestSim;
let s: Session;
let q: string;

const PRIVACY = {
  owner_setting: { contact_email: 'ops@example.com', notice_method: '弹窗提示' },
  setting_list: [{ privacy_key: 'UserInfo', privacy_text: '用于登录' }],
};
const COMMIT = {
  template_id: 2,
  ext_json: '{"extAppid":"wx1","ext":{"shopId":"1"}}',
  user_version: '2.1.0',
  user_desc: 'build',
};

async function start(config: Parameters<typeof startTestSim>[0] = {}) {
  sim = await startTestSim({
    privacyScanSeconds: 5,
    audit: { durationSeconds: 60 },
    ...config,
    push: { ticketOnStart: true },
  });
  s = await authorizeApp(sim, await unauthorizedApp(sim));
  q = `access_token=${s.authorizerToken}`;
}

const post = (path: string, body: unknown) => sim.api(path, q, { body });
const get = (path: string, extra = '') => sim.api(path, `${q}${extra}`);
const advance = (seconds: number) => sim.control('POST', '/clock/advance', { seconds });

/** commit → privacy guide → wait the scan → submit. */
async function submit(): Promise<number> {
  expect((await post('/wxa/commit', COMMIT)).json['errcode']).toBe(0);
  await post('/cgi-bin/component/setprivacysetting', PRIVACY);
  await advance(6);
  const result = await post('/wxa/submit_audit', {});
  expect(result.json['errcode'], result.text).toBe(0);
  return result.json['auditid'] as number;
}

async function approveAndRelease(): Promise<void> {
  await submit();
  await advance(61);
  expect((await post('/wxa/release', {})).json['errcode']).toBe(0);
}

afterEach(async () => {
  await sim?.close();
});

describe('commit (05 E1)', () => {
  beforeEach(() => start());

  test('ext_json must be a string (47001); template must exist (85014); ext_json is checked', async () => {
    expect((await post('/wxa/commit', { ...COMMIT, ext_json: { extAppid: 'wx1' } })).json['errcode']).toBe(47001);
    expect((await post('/wxa/commit', { ...COMMIT, template_id: 999 })).json['errcode']).toBe(85014);
    expect((await post('/wxa/commit', { ...COMMIT, ext_json: '{oops' })).json['errcode']).toBe(85048);
    expect((await post('/wxa/commit', { ...COMMIT, ext_json: '{"pages":["pages/nope/nope"]}' })).json['errcode']).toBe(
      85045,
    );
    expect((await post('/wxa/commit', { ...COMMIT, ext_json: '{"pages":[]}' })).json['errcode']).toBe(85047);
    expect(
      (await post('/wxa/commit', { ...COMMIT, ext_json: '{"requiredPrivateInfos":["getSecrets"]}' })).json['errcode'],
    ).toBe(85310);
    expect((await post('/wxa/commit', { ...COMMIT, template_id: '2' })).json['errcode']).toBe(0);
  });

  test('get_page 86001 before a commit, then the pages; get_category', async () => {
    expect((await get('/wxa/get_page')).json['errcode']).toBe(86001);
    await post('/wxa/commit', COMMIT);
    expect((await get('/wxa/get_page')).json['page_list']).toEqual([
      'pages/index/index',
      'pages/booking/booking',
      'pages/staff/staff',
      'pages/mine/mine',
    ]);
    const categories = (await get('/wxa/get_category')).json['category_list'] as Record<string, unknown>[];
    expect(categories[0]).toEqual({
      first_class: expect.any(String),
      second_class: expect.any(String),
      third_class: '',
      first_id: expect.any(Number),
      second_id: expect.any(Number),
      third_id: 0,
    });
    expect((await post('/wxa/get_page', {})).json['errcode']).toBe(43001);
  });

  test('get_qrcode: a real JPEG of a QR code, JSON 86001 before a commit', async () => {
    const before = await get('/wxa/get_qrcode');
    expect(before.headers['content-type']).toContain('json');
    expect(before.json['errcode']).toBe(86001);
    await post('/wxa/commit', COMMIT);
    const image = await get('/wxa/get_qrcode', `&path=${encodeURIComponent('pages/index/index?action=1')}`);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['content-disposition']).toBe('attachment; filename="QRCode.jpg"');
    const decoded = jpeg.decode(image.body, { useTArray: true });
    expect(decoded.width).toBeGreaterThan(100);
    expect(decoded.width).toBe(decoded.height);
  });
});

describe('submit_audit and the audit state machine (05 E5–E8, E23)', () => {
  beforeEach(() => start());

  test('85086 before commit, 61039 during the privacy scan, then an auditid', async () => {
    expect((await post('/wxa/submit_audit', {})).json['errcode']).toBe(85086);
    await post('/wxa/commit', COMMIT);
    expect((await post('/wxa/submit_audit', {})).json['errcode']).toBe(61039);
    expect((await get('/wxa/security/get_code_privacy_info')).json['errcode']).toBe(61039);
    await advance(6);
    expect((await get('/wxa/security/get_code_privacy_info')).json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      without_auth_list: [],
      without_conf_list: [],
    });
    await post('/cgi-bin/component/setprivacysetting', PRIVACY);
    const result = await post('/wxa/submit_audit', { item_list: [] });
    expect(result.json['errcode']).toBe(85023);
    const ok = await post('/wxa/submit_audit', {});
    expect(ok.json).toEqual({ errcode: 0, errmsg: 'ok', auditid: expect.any(Number) });
    expect((await post('/wxa/submit_audit', {})).json['errcode']).toBe(85009);
    const status = await post('/wxa/get_auditstatus', { auditid: ok.json['auditid'] });
    expect(status.json).toMatchObject({ errcode: 0, status: 2 });
    expect((await post('/wxa/get_auditstatus', { auditid: 1 })).json['errcode']).toBe(85012);
  });

  test('item_list categories must be the app’s own (85008); a privacy API used without declaration is 61040 unless privacy_api_not_use', async () => {
    await post('/wxa/commit', { ...COMMIT, template_id: 1 });
    await post('/cgi-bin/component/setprivacysetting', {
      ...PRIVACY,
      setting_list: [
        ...PRIVACY.setting_list,
        { privacy_key: 'Location', privacy_text: '附近门店' },
        { privacy_key: 'Address', privacy_text: '收货' },
      ],
    });
    await advance(6);
    expect((await get('/wxa/security/get_code_privacy_info')).json['without_conf_list']).toEqual([
      'wx.getLocation',
      'wx.chooseAddress',
    ]);
    const bad = { item_list: [{ first_class: '游戏', second_class: '休闲', first_id: 1, second_id: 2 }] };
    expect((await post('/wxa/submit_audit', bad)).json['errcode']).toBe(85008);
    expect((await post('/wxa/submit_audit', {})).json['errcode']).toBe(61040);
    const category = ((await get('/wxa/get_category')).json['category_list'] as Record<string, unknown>[])[0]!;
    const item = {
      address: 'pages/index/index',
      tag: '点餐 外卖',
      first_class: category['first_class'],
      second_class: category['second_class'],
      first_id: category['first_id'],
      second_id: category['second_id'],
      title: '首页',
    };
    expect(
      (await post('/wxa/submit_audit', { item_list: [{ ...item, address: 'pages/x/x' }], privacy_api_not_use: true }))
        .json['errcode'],
    ).toBe(85007);
    expect((await post('/wxa/submit_audit', { item_list: [item], privacy_api_not_use: true })).json['errcode']).toBe(0);
  });

  test('results after the configured delay; get_latest_auditstatus shape; 85058 when never submitted', async () => {
    expect((await get('/wxa/get_latest_auditstatus')).json['errcode']).toBe(85058);
    const auditid = await submit();
    await advance(59);
    expect((await get('/wxa/get_latest_auditstatus')).json['status']).toBe(2);
    await sim.control('POST', '/audit/decide', { count: 1, outcome: 'fail', reason: '类目不符<br>请修改' });
    await advance(2);
    const latest = await get('/wxa/get_latest_auditstatus');
    expect(latest.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      auditid,
      status: 1,
      reason: '类目不符<br>请修改',
      ScreenShot: expect.stringMatching(/^[\w-]+\|[\w-]+$/),
      user_version: '2.1.0',
      user_desc: 'build',
      submit_audit_time: expect.any(Number),
    });
  });

  test('undocodeaudit: status 3, 5 per day then 87013, nothing under review → configured errcode', async () => {
    expect((await get('/wxa/undocodeaudit')).json['errcode']).toBe(87012);
    for (let i = 0; i < 5; i++) {
      await submit();
      expect((await get('/wxa/undocodeaudit')).json['errcode']).toBe(0);
    }
    expect((await get('/wxa/get_latest_auditstatus')).json['status']).toBe(3);
    await submit();
    expect((await get('/wxa/undocodeaudit')).json['errcode']).toBe(87013);
    expect((await post('/wxa/undocodeaudit', {})).json['errcode']).toBe(43001);
  });

  test('85085 once the monthly audit quota is spent; queryquota by GET and POST', async () => {
    await sim.close();
    await start({ audit: { monthlyQuota: 1, durationSeconds: 60 } });
    expect((await get('/wxa/queryquota')).json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      rest: 1,
      limit: 1,
      speedup_rest: 5,
      speedup_limit: 5,
    });
    await submit();
    await get('/wxa/undocodeaudit');
    expect((await post('/wxa/queryquota', {})).json['rest']).toBe(0);
    expect((await post('/wxa/submit_audit', {})).json['errcode']).toBe(85085);
  });

  test('speedupaudit: only the pending audit, once', async () => {
    const auditid = await submit();
    expect((await post('/wxa/speedupaudit', { auditid: auditid + 1 })).json['errcode']).toBe(89402);
    expect((await post('/wxa/speedupaudit', { auditid })).json['errcode']).toBe(0);
    expect((await post('/wxa/speedupaudit', { auditid })).json['errcode']).toBe(89404);
    await advance(16);
    expect((await get('/wxa/get_latest_auditstatus')).json['status']).toBe(0);
  });
});

describe('feedback_info and the submitted item (05 E5)', () => {
  beforeEach(() => start());

  test('feedback_info is kept only when the previous audit was rejected; the first item is shown', async () => {
    const appid = s.appid;
    const latest = async () => {
      const state = await sim.control('GET', '/state');
      const apps = (
        state['merchants'] as { apps: { appid: string; latestAudit: Record<string, unknown> }[] }[]
      ).flatMap((m) => m.apps);
      return apps.find((a) => a.appid === appid)?.latestAudit;
    };
    expect((await post('/wxa/commit', COMMIT)).json['errcode']).toBe(0);
    await post('/cgi-bin/component/setprivacysetting', PRIVACY);
    await advance(6);
    const first = await post('/wxa/submit_audit', { feedback_info: 'ignored: nothing was rejected yet' });
    expect(first.json['errcode']).toBe(0);
    expect(await latest()).toMatchObject({ feedbackInfo: null, item: null });
    await sim.control('POST', '/audit/decide', { count: 1, outcome: 'fail', reason: '类目不符' });
    await advance(61);
    const categories = (await get('/wxa/get_category')).json['category_list'] as Record<string, unknown>[];
    const again = await post('/wxa/submit_audit', {
      item_list: [{ ...categories[0], address: 'pages/index/index', title: '首页', tag: '门店 预约' }],
      feedback_info: '已修改类目',
    });
    expect(again.json['errcode'], again.text).toBe(0);
    expect(await latest()).toMatchObject({
      feedbackInfo: '已修改类目',
      item: { address: 'pages/index/index', title: '首页', tag: '门店 预约' },
    });
  });
});

describe('release, rollback, gray release, visit status, version info (05 E9–E15)', () => {
  beforeEach(() => start());

  test('release: 44002 on an empty body, 85019 without audit, 85020 while auditing, 85052 twice', async () => {
    expect((await sim.api('/wxa/release', q, { method: 'POST' })).json['errcode']).toBe(44002);
    expect((await post('/wxa/release', {})).json['errcode']).toBe(85019);
    await submit();
    expect((await post('/wxa/release', {})).json['errcode']).toBe(85020);
    await advance(61);
    expect((await post('/wxa/release', {})).json['errcode']).toBe(0);
    expect((await post('/wxa/release', {})).json['errcode']).toBe(85052);
    const info = await post('/wxa/getversioninfo', {});
    expect(info.json).toMatchObject({
      exp_info: { exp_version: '2.1.0', exp_desc: 'build' },
      release_info: { release_version: '2.1.0', release_desc: 'build' },
    });
    expect((await sim.api('/wxa/getversioninfo', q, { method: 'POST' })).json['errcode']).toBe(44002);
  });

  test('revertcoderelease: 87012 without history, history list, a rollback cannot be rolled back', async () => {
    await approveAndRelease();
    expect((await get('/wxa/revertcoderelease')).json['errcode']).toBe(87012);
    await approveAndRelease();
    const history = await get('/wxa/revertcoderelease', '&action=get_history_version');
    expect(history.json['version_list']).toEqual([
      { app_version: 1, user_version: '2.1.0', user_desc: 'build', commit_time: expect.any(Number) },
    ]);
    expect((await get('/wxa/revertcoderelease', '&app_version=7')).json['errcode']).toBe(87012);
    expect((await get('/wxa/revertcoderelease')).json['errcode']).toBe(0);
    expect((await get('/wxa/revertcoderelease')).json['errcode']).toBe(87012);
  });

  test('grayrelease: 85079 first release, 85080 unapproved, 85081/85082 percentages, plan, revert, 87011', async () => {
    expect((await post('/wxa/grayrelease', { gray_percentage: 10 })).json['errcode']).toBe(85079);
    await approveAndRelease();
    expect((await post('/wxa/grayrelease', { gray_percentage: 10 })).json['errcode']).toBe(85080);
    await submit();
    await advance(61);
    expect((await post('/wxa/grayrelease', { gray_percentage: 101 })).json['errcode']).toBe(85081);
    expect((await post('/wxa/grayrelease', { gray_percentage: 0 })).json['errcode']).toBe(85081);
    expect((await post('/wxa/grayrelease', { gray_percentage: 10, support_debuger_first: true })).json['errcode']).toBe(
      0,
    );
    expect((await post('/wxa/grayrelease', { gray_percentage: 5 })).json['errcode']).toBe(85082);
    expect((await post('/wxa/grayrelease', { gray_percentage: 30 })).json['errcode']).toBe(0);
    const plan = await get('/wxa/getgrayreleaseplan');
    expect(plan.json['gray_release_plan']).toEqual({
      status: 1,
      create_timestamp: expect.any(Number),
      gray_percentage: 30,
      support_experiencer_first: false,
      support_debuger_first: false,
    });
    expect((await get('/wxa/revertcoderelease')).json['errcode']).toBe(87011);
    expect((await get('/wxa/revertgrayrelease')).json['errcode']).toBe(0);
    expect(
      ((await get('/wxa/getgrayreleaseplan')).json['gray_release_plan'] as Record<string, unknown>)['status'],
    ).toBe(4);
  });

  test('visit status: 85021 before anything is online, then close/open; 85022 for a bad action', async () => {
    expect((await post('/wxa/change_visitstatus', { action: 'close' })).json['errcode']).toBe(85021);
    await approveAndRelease();
    expect((await post('/wxa/change_visitstatus', { action: 'pause' })).json['errcode']).toBe(85022);
    expect((await post('/wxa/change_visitstatus', { action: 'close' })).json['errcode']).toBe(0);
    expect((await post('/wxa/getvisitstatus', {})).json).toEqual({ errcode: 0, errmsg: 'ok', status: 0 });
    expect((await sim.api('/wxa/getvisitstatus', q, { method: 'POST' })).json['errcode']).toBe(44002);
  });

  test('base library version get/set (89014)', async () => {
    expect((await sim.api('/cgi-bin/wxopen/getweappsupportversion', q, { method: 'POST' })).json['errcode']).toBe(
      44002,
    );
    expect((await post('/cgi-bin/wxopen/setweappsupportversion', { version: 'latest' })).json['errcode']).toBe(89014);
    expect((await post('/cgi-bin/wxopen/setweappsupportversion', { version: '3.0.1' })).json['errcode']).toBe(0);
    expect((await post('/cgi-bin/wxopen/getweappsupportversion', {})).json).toMatchObject({
      now_version: '3.0.1',
      uv_info: { items: expect.any(Array) },
    });
  });
});

describe('permission sets and token classes on authorizer endpoints', () => {
  test('61007 without set 18; component token → configured 40001 (UNCONFIRMED 12); authorizer token on a component API → 61014', async () => {
    sim = await startTestSim();
    const limited = await authorizeApp(sim, await unauthorizedApp(sim), [17, 30]);
    expect((await sim.api('/wxa/get_category', `access_token=${limited.authorizerToken}`)).json['errcode']).toBe(61007);
    expect((await sim.api('/wxa/get_category', `access_token=${limited.componentToken}`)).json['errcode']).toBe(40001);
    expect((await sim.api('/wxa/gettemplatelist', `access_token=${limited.authorizerToken}`)).json['errcode']).toBe(
      61014,
    );
    expect(
      (await sim.api('/wxa/get_category', `component_access_token=${limited.authorizerToken}`)).json['errcode'],
    ).toBe(41001);
  });

  test('componentTokenOnAuthorizerApiErrcode 61015', async () => {
    sim = await startTestSim({ componentTokenOnAuthorizerApiErrcode: 61015 });
    const session = await authorizeApp(sim, await unauthorizedApp(sim));
    expect(
      (await sim.api('/wxa/commit', `access_token=${session.componentToken}`, { body: COMMIT })).json['errcode'],
    ).toBe(61015);
  });
});
