import { afterEach, describe, expect, test } from 'vitest';
import { authorizeApp, startTestSim, unauthorizedApp } from './helpers.js';
import type { Session, TestSim } from './helpers.js';

let sim: TestSim;
let s: Session;
afterEach(async () => sim?.close());

async function start(config: Parameters<typeof startTestSim>[0] = {}): Promise<void> {
  sim = await startTestSim(config);
  s = await authorizeApp(sim, await unauthorizedApp(sim));
}

const login = async (appid = s.appid, extra: Record<string, unknown> = {}) =>
  (await sim.control('POST', '/jscode', { appid, ...extra })) as { js_code: string; openid: string };

function exchange(params: Record<string, string>, token = `component_access_token=${s.componentToken}`) {
  const query = new URLSearchParams({
    appid: s.appid,
    grant_type: 'authorization_code',
    component_appid: sim.platform.componentAppid,
    ...params,
  });
  return sim.api('/sns/component/jscode2session', `${query}${token ? `&${token}` : ''}`);
}

describe('sns/component/jscode2session (01 A15)', () => {
  test('a wx.login code of an authorized app gives openid and session_key, without errcode; once', async () => {
    await start();
    const { js_code, openid } = await login(s.appid, { unionid: 'oUnion1' });
    const session = await exchange({ js_code });
    expect(session.json).toEqual({
      openid,
      session_key: expect.stringMatching(/^[A-Za-z0-9+/=]{24}$/),
      unionid: 'oUnion1',
    });
    expect((await exchange({ js_code })).json).toMatchObject({ errcode: 40029, errmsg: expect.stringMatching(/rid:/) });
    const other = await login();
    expect((await exchange({ js_code: other.js_code }, `access_token=${s.componentToken}`)).json['openid']).toBe(
      other.openid,
    );
    expect(
      (await sim.api('/sns/component/jscode2session', `access_token=${s.componentToken}`, { body: {} })).json[
        'errcode'
      ],
    ).toBe(43001);
  });

  test('40029 for another app’s or an expired code, 61003 for an app not authorized, parameter errors', async () => {
    await start({ jscode: { codeSeconds: 60 } });
    const stranger = await unauthorizedApp(sim);
    expect((await exchange({ js_code: (await login(stranger)).js_code })).json['errcode']).toBe(40029);
    expect((await exchange({ appid: stranger, js_code: (await login(stranger)).js_code })).json['errcode']).toBe(61003);
    const late = await login();
    await sim.control('POST', '/clock/advance', { seconds: 61 });
    expect((await exchange({ js_code: late.js_code })).json['errcode']).toBe(40029);
    const code = (await login()).js_code;
    expect((await exchange({ js_code: code, grant_type: 'client_credential' })).json['errcode']).toBe(40002);
    expect((await exchange({ js_code: code, component_appid: 'wx0000000000000000' })).json['errcode']).toBe(40013);
    expect((await exchange({ js_code: code }, `access_token=${s.authorizerToken}`)).json['errcode']).toBe(61014);
    expect((await exchange({ js_code: code }, '')).json['errcode']).toBe(41001);
  });

  test('settings: reused-code errcode, errcode as a string, missing-token errcode (UNCONFIRMED in A15)', async () => {
    await start({ jscode: { reusedCodeErrcode: 40163, errcodeAsString: true, missingTokenErrcode: 41021 } });
    const { js_code } = await login();
    await exchange({ js_code });
    expect((await exchange({ js_code })).json).toMatchObject({ errcode: '40163' });
    expect((await exchange({ js_code: 'nope' })).json).toMatchObject({ errcode: '40029' });
    expect((await exchange({ js_code }, '')).json['errcode']).toBe(41021);
  });
});
