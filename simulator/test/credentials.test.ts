import { afterEach, describe, expect, test } from 'vitest';
import { authorizeApp, componentTokenOf, startTestSim, unauthorizedApp } from './helpers.js';
import type { TestSim } from './helpers.js';

const C = '/cgi-bin/component';
const RID = / rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;
let sim: TestSim;

afterEach(async () => {
  await sim?.close();
});

async function latestTicket(s: TestSim): Promise<string> {
  const state = await s.control('GET', '/state');
  return (state['platform'] as Record<string, string>)['latestTicket']!;
}

function tokenBody(s: TestSim, ticket: string, overrides: Record<string, unknown> = {}) {
  return {
    component_appid: s.platform.componentAppid,
    component_appsecret: s.platform.componentAppsecret,
    component_verify_ticket: ticket,
    ...overrides,
  };
}

describe('api_component_token (01 A2)', () => {
  test('returns a token for 7200 s; wrong appid, secret and ticket get their errcodes with a rid', async () => {
    sim = await startTestSim();
    const ticket = await latestTicket(sim);
    const good = await sim.api(`${C}/api_component_token`, '', { body: tokenBody(sim, ticket) });
    expect(good.json).toEqual({ component_access_token: expect.any(String), expires_in: 7200 });
    const cases: [Record<string, unknown>, number][] = [
      [{ component_appid: 'wx0000000000000000' }, 61011],
      [{ component_appsecret: 'nope' }, 40125],
      [{ component_appsecret: undefined }, 41004],
      [{ component_appid: undefined }, 41002],
      [{ component_verify_ticket: 'ticket@@@forged' }, 61006],
    ];
    for (const [override, errcode] of cases) {
      const bad = await sim.api(`${C}/api_component_token`, '', { body: tokenBody(sim, ticket, override) });
      expect(bad.json['errcode'], JSON.stringify(override)).toBe(errcode);
      expect(bad.json['errmsg']).toMatch(RID);
    }
  });

  test('POST only (43002), empty body 44002, broken JSON 47001', async () => {
    sim = await startTestSim();
    expect((await sim.api(`${C}/api_component_token`, '')).json['errcode']).toBe(43002);
    expect((await sim.api(`${C}/api_component_token`, '', { method: 'POST' })).json['errcode']).toBe(44002);
    expect((await sim.api(`${C}/api_component_token`, '', { body: '{"component_appid":' })).json['errcode']).toBe(
      47001,
    );
    expect((await sim.api(`${C}/api_component_token`, '', { body: '[1]' })).json['errcode']).toBe(47001);
  });

  test('a ticket is valid 12 h, then 61005; api_start_push_ticket issues a fresh one', async () => {
    sim = await startTestSim({ ticketIntervalSeconds: 0 });
    const ticket = await latestTicket(sim);
    await sim.control('POST', '/clock/advance', { seconds: 12 * 3600 - 5 });
    expect(
      (await sim.api(`${C}/api_component_token`, '', { body: tokenBody(sim, ticket) })).json['component_access_token'],
    ).toBeTypeOf('string');
    await sim.control('POST', '/clock/advance', { seconds: 10 });
    expect((await sim.api(`${C}/api_component_token`, '', { body: tokenBody(sim, ticket) })).json['errcode']).toBe(
      61005,
    );
    const start = await sim.api(`${C}/api_start_push_ticket`, '', {
      body: { component_appid: sim.platform.componentAppid, component_secret: sim.platform.componentAppsecret },
    });
    expect(start.json).toEqual({ errcode: 0, errmsg: 'ok' });
    const fresh = await latestTicket(sim);
    expect(fresh).not.toBe(ticket);
    expect((await sim.api(`${C}/api_component_token`, '', { body: tokenBody(sim, fresh) })).json['expires_in']).toBe(
      7200,
    );
    const wrong = await sim.api(`${C}/api_start_push_ticket`, '', {
      body: { component_appid: 'wx0000000000000000', component_secret: 'x' },
    });
    expect(wrong.json['errcode']).toBe(40013);
  });

  test('the ticket timer pushes a new ticket every interval of simulated time', async () => {
    sim = await startTestSim({ ticketIntervalSeconds: 600 });
    const first = await latestTicket(sim);
    await sim.control('POST', '/clock/advance', { seconds: 601 });
    const second = await latestTicket(sim);
    expect(second).not.toBe(first);
    await sim.control('POST', '/pushes/pause', { tickets: true });
    await sim.control('POST', '/clock/advance', { seconds: 601 });
    expect(await latestTicket(sim)).toBe(second);
  });
});

describe('component token lifetime and overlap (01 A0, UNCONFIRMED 19)', () => {
  test('expires after 7200 s with 42001', async () => {
    sim = await startTestSim();
    const token = await componentTokenOf(sim);
    const call = () =>
      sim.api(`${C}/api_create_preauthcode`, `component_access_token=${token}`, {
        body: { component_appid: sim.platform.componentAppid },
      });
    await sim.control('POST', '/clock/advance', { seconds: 7199 });
    expect((await call()).json['pre_auth_code']).toBeTypeOf('string');
    await sim.control('POST', '/clock/advance', { seconds: 2 });
    expect((await call()).json['errcode']).toBe(42001);
  });

  test('default overlap: the previous token works 300 s after a new one, then 40001', async () => {
    sim = await startTestSim({ ticketIntervalSeconds: 0 });
    const old = await componentTokenOf(sim);
    await componentTokenOf(sim);
    const call = () => sim.api('/wxa/gettemplatelist', `access_token=${old}`);
    expect((await call()).json['errcode']).toBe(0);
    await sim.control('POST', '/clock/advance', { seconds: 301 });
    expect((await call()).json['errcode']).toBe(40001);
  });

  test('overlap 0: the previous token dies the moment a new one is issued', async () => {
    sim = await startTestSim({ componentTokenOverlapSeconds: 0 });
    const old = await componentTokenOf(sim);
    const fresh = await componentTokenOf(sim);
    expect((await sim.api('/wxa/gettemplatelist', `access_token=${old}`)).json['errcode']).toBe(40001);
    expect((await sim.api('/wxa/gettemplatelist', `access_token=${fresh}`)).json['errcode']).toBe(0);
  });

  test('both query spellings work on component endpoints; missing token 41001; unknown 40001', async () => {
    sim = await startTestSim();
    const token = await componentTokenOf(sim);
    const body = { component_appid: sim.platform.componentAppid };
    expect(
      (await sim.api(`${C}/api_create_preauthcode`, `component_access_token=${token}`, { body })).json['expires_in'],
    ).toBe(600);
    expect((await sim.api(`${C}/api_create_preauthcode`, `access_token=${token}`, { body })).json['expires_in']).toBe(
      600,
    );
    expect((await sim.api('/wxa/gettemplatedraftlist', `component_access_token=${token}`)).json['errcode']).toBe(0);
    expect((await sim.api(`${C}/api_create_preauthcode`, '', { body })).json['errcode']).toBe(41001);
    expect((await sim.api(`${C}/api_create_preauthcode`, 'access_token=forged', { body })).json['errcode']).toBe(40001);
    expect((await sim.api(`${C}/api_create_preauthcode`, `access_token=${token}`, { body: {} })).json['errcode']).toBe(
      41018,
    );
    expect(
      (
        await sim.api(`${C}/api_create_preauthcode`, `access_token=${token}`, {
          body: { component_appid: 'wx0000000000000000' },
        })
      ).json['errcode'],
    ).toBe(40013);
  });

  test('the ordinary token API refuses the platform appid with 61024', async () => {
    sim = await startTestSim();
    const result = await sim.api(
      '/cgi-bin/token',
      `grant_type=client_credential&appid=${sim.platform.componentAppid}&secret=x`,
    );
    expect(result.json['errcode']).toBe(61024);
  });
});

describe('pre_auth_code, authorization code, refresh token (01 A3–A6)', () => {
  test('pre_auth_code is single use and lives preAuthCodeSeconds', async () => {
    sim = await startTestSim({ preAuthCodeSeconds: 600 });
    const token = await componentTokenOf(sim);
    const appid = await unauthorizedApp(sim);
    const make = async () =>
      (
        await sim.api(`${C}/api_create_preauthcode`, `access_token=${token}`, {
          body: { component_appid: sim.platform.componentAppid },
        })
      ).json['pre_auth_code'] as string;
    const code = await make();
    expect(code).toMatch(/^preauthcode@@@/);
    await sim.control('POST', '/merchant/authorize', { appid, preAuthCode: code });
    await expect(sim.control('POST', '/merchant/authorize', { appid, preAuthCode: code })).rejects.toThrow(/409.*used/);
    const later = await make();
    await sim.control('POST', '/clock/advance', { seconds: 601 });
    await expect(sim.control('POST', '/merchant/authorize', { appid, preAuthCode: later })).rejects.toThrow(/expired/);
  });

  test('authorization code: single use (61009), expires after 3600 s (61010)', async () => {
    sim = await startTestSim();
    const token = await componentTokenOf(sim);
    const appid = await unauthorizedApp(sim);
    const grant = await sim.control('POST', '/merchant/authorize', { appid });
    expect(grant['expiresIn']).toBe(3600);
    const query = (code: unknown) =>
      sim.api(`${C}/api_query_auth`, `component_access_token=${token}`, {
        body: { component_appid: sim.platform.componentAppid, authorization_code: code },
      });
    const first = await query(grant['authCode']);
    const info = first.json['authorization_info'] as Record<string, unknown>;
    expect(info).toMatchObject({
      authorizer_appid: appid,
      expires_in: 7200,
      authorizer_access_token: expect.any(String),
      authorizer_refresh_token: expect.stringMatching(/^refreshtoken@@@/),
    });
    expect(info['func_info']).toEqual([17, 18, 19, 30].map((id) => ({ funcscope_category: { id } })));
    expect((await query(grant['authCode'])).json['errcode']).toBe(61009);
    const second = await sim.control('POST', '/merchant/update', { appid, funcIds: [18] });
    await sim.control('POST', '/clock/advance', { seconds: 3599 });
    await sim.control('POST', '/clock/advance', { seconds: 2 });
    expect((await query(second['authCode'])).json['errcode']).toBe(61010);
    expect((await query('queryauthcode@@@nonsense')).json['errcode']).toBe(61009);
  });

  test('refresh token: stable across refreshes, replaced on re-authorization, dead (61023) after unauthorized', async () => {
    sim = await startTestSim();
    const appid = await unauthorizedApp(sim);
    const s = await authorizeApp(sim, appid);
    const refresh = (refreshToken: string) =>
      sim.api(`${C}/api_authorizer_token`, `component_access_token=${s.componentToken}`, {
        body: {
          component_appid: sim.platform.componentAppid,
          authorizer_appid: appid,
          authorizer_refresh_token: refreshToken,
        },
      });
    const r1 = await refresh(s.refreshToken);
    expect(r1.json).toEqual({
      authorizer_access_token: expect.any(String),
      expires_in: 7200,
      authorizer_refresh_token: s.refreshToken,
    });
    expect(r1.json['authorizer_access_token']).not.toBe(s.authorizerToken);
    const r2 = await refresh(s.refreshToken);
    expect(r2.json['authorizer_refresh_token']).toBe(s.refreshToken);
    const again = await authorizeApp(sim, appid, [17, 18]);
    expect(again.refreshToken).not.toBe(s.refreshToken);
    expect((await refresh(s.refreshToken)).json['errcode']).toBe(61023);
    expect((await refresh(again.refreshToken)).json['authorizer_refresh_token']).toBe(again.refreshToken);
    await sim.control('POST', '/merchant/revoke', { appid });
    expect((await refresh(again.refreshToken)).json['errcode']).toBe(61023);
    const info = await sim.api(`${C}/api_get_authorizer_info`, `component_access_token=${s.componentToken}`, {
      body: { component_appid: sim.platform.componentAppid, authorizer_appid: appid },
    });
    expect(info.json['errcode']).toBe(61003);
    expect((await sim.api('/wxa/get_category', `access_token=${again.authorizerToken}`)).json['errcode']).toBe(40001);
  });

  test('authorizer token: 7200 s, previous one overlaps authorizerTokenOverlapSeconds', async () => {
    sim = await startTestSim({ authorizerTokenOverlapSeconds: 0 });
    const appid = await unauthorizedApp(sim);
    const s = await authorizeApp(sim, appid);
    const probe = (token: string) => sim.api('/wxa/get_category', `access_token=${token}`);
    expect((await probe(s.authorizerToken)).json['errcode']).toBe(0);
    const refreshed = await sim.api(`${C}/api_authorizer_token`, `access_token=${s.componentToken}`, {
      body: {
        component_appid: sim.platform.componentAppid,
        authorizer_appid: appid,
        authorizer_refresh_token: s.refreshToken,
      },
    });
    const fresh = refreshed.json['authorizer_access_token'] as string;
    expect((await probe(s.authorizerToken)).json['errcode']).toBe(40001);
    await sim.control('POST', '/clock/advance', { seconds: 7201 });
    expect((await probe(fresh)).json['errcode']).toBe(42001);
  });
});
