import { afterEach, describe, expect, test } from 'vitest';
import { authorizeApp, componentTokenOf, http, newApp, pushesOf, startTestSim } from './helpers.js';
import type { TestSim } from './helpers.js';

let sim: TestSim;
let token: string;
afterEach(async () => sim?.close());

async function start(config: Parameters<typeof startTestSim>[0] = {}): Promise<void> {
  sim = await startTestSim({ ...config, fastRegistration: { delaySeconds: 30, ...config.fastRegistration } });
  token = await componentTokenOf(sim);
}

const ENTERPRISE = { name: '深圳市示例科技有限公司', code: '91440300MA5XXXXXX1', component_phone: '0755-1234' };
const call = (path: string, action: string, body: unknown) =>
  sim.api(path, `action=${action}&access_token=${token}`, { body });
const enterprise = (action: string, body: unknown) => call('/wxa/component/fastregisterenterpriseweapp', action, body);
const personal = (action: string, body: unknown) => call('/wxa/component/fastregisterpersonalweapp', action, body);
const advance = (seconds: number) => sim.control('POST', '/clock/advance', { seconds });
const form = { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };

describe('enterprise registration, new version: fastregisterenterpriseweapp (06 F7, 02 B18)', () => {
  test('create → authorize_url the legal person agrees on → created, pushed with the task id, authorized', async () => {
    await start();
    const created = await enterprise('create', { ...ENTERPRISE, new_version: true });
    expect(created.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      taskid: expect.any(String),
      authorize_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/wxaopen\/fastregister\/confirm\?taskid=/),
      status: 1,
    });
    const taskid = created.json['taskid'];
    const url = created.json['authorize_url'] as string;
    expect((await http(url)).text).toContain(ENTERPRISE.name);
    expect((await http(url, { body: 'answer=agree', ...form })).text).toContain('已提交');
    expect((await enterprise('query', { taskid, new_version: true })).json['status']).toBe(4);
    await advance(31);
    expect((await enterprise('query', { taskid, new_version: true })).json['status']).toBe(12);

    const [result] = await pushesOf(sim, 'notify_third_fasteregister');
    if (result?.kind !== 'notify_third_fasteregister') throw new Error('no registration push');
    expect(result).toMatchObject({ status: '0', taskid, info: { name: ENTERPRISE.name, code: ENTERPRISE.code } });
    const authorized = await pushesOf(sim, 'authorized');
    expect(authorized).toEqual([expect.objectContaining({ authorizerAppid: result.appid })]);
    const auth = await sim.api('/cgi-bin/component/api_query_auth', `component_access_token=${token}`, {
      body: { component_appid: sim.platform.componentAppid, authorization_code: result.authCode },
    });
    const access = (auth.json['authorization_info'] as { authorizer_access_token: string }).authorizer_access_token;
    const info = await sim.api('/cgi-bin/account/getaccountbasicinfo', `access_token=${access}`);
    expect(info.json).toMatchObject({ nickname: '', signature_info: { signature: '' } });
    const icp = await sim.api('/wxa/icp/get_icp_entrance_info', `access_token=${access}`);
    expect(icp.json['info']).toMatchObject({ status: 1027 });
  });

  test('validation: new_version required (the openid body only when configured), credit code, unknown task', async () => {
    await start();
    expect((await enterprise('create', ENTERPRISE)).json['errcode']).toBe(86030);
    expect((await enterprise('create', { ...ENTERPRISE, code: '123', new_version: true })).json['errcode']).toBe(89255);
    expect((await enterprise('create', { code: ENTERPRISE.code, new_version: true })).json['errcode']).toBe(86030);
    expect((await enterprise('query', { taskid: 'nope', new_version: true })).json['errcode']).toBe(89250);
    await sim.close();
    await start({ fastRegistration: { enterpriseOpenidBody: true } });
    const openid = { ...ENTERPRISE, code_type: 1, legal_persona_openid: 'oLegal', legal_persona_name: '张三' };
    expect((await enterprise('create', openid)).json).toMatchObject({ errcode: 0, status: 1 });
  });

  test('a refusal, a failure status and the result-push layouts (UNCONFIRMED 27)', async () => {
    await start({ fastRegistration: { resultPush: 'without_taskid' } });
    const refused = (await enterprise('create', { ...ENTERPRISE, new_version: true })).json;
    await sim.control('POST', '/fastregister/confirm', { taskid: refused['taskid'], agree: false });
    expect((await enterprise('query', { taskid: refused['taskid'], new_version: true })).json['status']).toBe(3);

    const failing = (await enterprise('create', { ...ENTERPRISE, new_version: true })).json;
    await sim.control('POST', '/fastregister/confirm', { taskid: failing['taskid'] });
    await sim.control('POST', '/fastregister/task', { taskid: failing['taskid'], status: 6 });
    const pushes = await pushesOf(sim, 'notify_third_fasteregister');
    expect(pushes).toEqual([
      expect.objectContaining({ status: '3', appid: '', taskid: '' }),
      expect.objectContaining({ status: '6', appid: '', taskid: '' }),
    ]);
    expect(pushes[1]?.kind === 'notify_third_fasteregister' && pushes[1].info['name']).toBe(ENTERPRISE.name);
  });

  test('resultPush: none leaves only the authorized push', async () => {
    await start({ fastRegistration: { resultPush: 'none' } });
    const created = (await enterprise('create', { ...ENTERPRISE, new_version: true })).json;
    await sim.control('POST', '/fastregister/confirm', { taskid: created['taskid'] });
    await advance(31);
    expect(await pushesOf(sim, 'notify_third_fasteregister')).toEqual([]);
    expect(await pushesOf(sim, 'authorized')).toHaveLength(1);
  });
});

describe('personal registration: the new body (06 F8) and the retired one (F3)', () => {
  test('wxuser + new_version; the idname body is retired; 86032 bad WeChat ID; 91030 after five a day', async () => {
    await start();
    const created = await personal('create', { wxuser: 'lisi_wx_01', new_version: true });
    expect(created.json).toMatchObject({ errcode: 0, status: 0, authorize_url: expect.any(String) });
    expect((await personal('query', { taskid: created.json['taskid'], new_version: true })).json['status']).toBe(0);
    expect((await personal('create', { idname: '李四', wxuser: 'lisi_wx_01' })).json['errcode']).toBe(48001);
    expect((await personal('query', { taskid: created.json['taskid'] })).json['errcode']).toBe(48001);
    expect((await personal('create', { wxuser: '1x', new_version: true })).json['errcode']).toBe(86032);
    for (let i = 0; i < 4; i++) await personal('create', { wxuser: 'lisi_wx_01', new_version: true });
    expect((await personal('create', { wxuser: 'lisi_wx_01', new_version: true })).json['errcode']).toBe(91030);
  });

  test('with legacyRetired: false the idname body works and its push echoes wxuser and idname', async () => {
    await start({ fastRegistration: { legacyRetired: false } });
    const created = (await personal('create', { idname: '李四', wxuser: 'lisi_wx_01' })).json;
    await sim.control('POST', '/fastregister/confirm', { taskid: created['taskid'] });
    await advance(31);
    const [push] = await pushesOf(sim, 'notify_third_fasteregister');
    expect(push).toMatchObject({ status: '0', info: { wxuser: 'lisi_wx_01', idname: '李四' }, taskid: '' });
  });
});

describe('trial verification, new version: verifybetaweapp (06 F9)', () => {
  test('the new body is accepted and notify_third_fastverifybetaapp follows; set 81 required', async () => {
    await start();
    const trial = await newApp(sim, '试用小店的体验小程序');
    const limited = await authorizeApp(sim, trial, [17, 18]);
    const body = {
      verify_info: { enterprise_name: '深圳市示例科技有限公司', code: ENTERPRISE.code },
      new_version: true,
    };
    const verify = (access: string, b: unknown) =>
      sim.api('/wxa/verifybetaweapp', `access_token=${access}`, { body: b });
    expect((await verify(limited.authorizerToken, body)).json['errcode']).toBe(61007);
    const session = await authorizeApp(sim, trial, [17, 18, 30, 81]);
    expect((await verify(session.authorizerToken, { verify_info: {}, new_version: true })).json['errcode']).toBe(86030);
    expect((await verify(session.authorizerToken, body)).json['errcode']).toBe(0);
    await advance(31);
    const [push] = await pushesOf(sim, 'notify_third_fastverifybetaapp');
    expect(push).toMatchObject({ appid: trial, status: '0', info: { name: '深圳市示例科技有限公司' } });
  });

  test('the F4 body: accepted by default, refused with verifyBetaOldBody: false (UNCONFIRMED)', async () => {
    await start({ fastRegistration: { verifyBetaOldBody: false } });
    const session = await authorizeApp(sim, await newApp(sim), [18, 81]);
    const old = {
      verify_info: {
        enterprise_name: '深圳市示例科技有限公司',
        code: ENTERPRISE.code,
        code_type: 1,
        legal_persona_wechat: 'zhangsan_wx',
        legal_persona_name: '张三',
      },
    };
    expect(
      (await sim.api('/wxa/verifybetaweapp', `access_token=${session.authorizerToken}`, { body: old })).json['errcode'],
    ).toBe(86030);
  });
});
