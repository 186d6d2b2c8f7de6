import { afterEach, describe, expect, test } from 'vitest';
import { authorizeApp, http, startTestSim, unauthorizedApp } from './helpers.js';
import type { TestSim } from './helpers.js';

let sim: TestSim;
afterEach(async () => {
  await sim?.close();
});

describe('IP whitelist checked against the socket address (API.md, 61004)', () => {
  test('127.0.0.2 gets 61004 with requestIP on every token class; 127.0.0.1 is served', async () => {
    sim = await startTestSim({ whitelist: ['127.0.0.1'] }, { host: '0.0.0.0' });
    const session = await authorizeApp(sim, await unauthorizedApp(sim));
    const port = new URL(sim.url).port;
    const from2 = (path: string, query: string, body?: unknown) =>
      http(`http://127.0.0.1:${port}${path}?${query}`, {
        localAddress: '127.0.0.2',
        ...(body === undefined ? {} : { body }),
      });
    const calls = [
      from2('/cgi-bin/component/api_component_token', '', {
        component_appid: sim.platform.componentAppid,
        component_appsecret: sim.platform.componentAppsecret,
        component_verify_ticket: 'x',
      }),
      from2('/cgi-bin/component/api_authorizer_token', `component_access_token=${session.componentToken}`, {
        component_appid: sim.platform.componentAppid,
        authorizer_appid: session.appid,
        authorizer_refresh_token: session.refreshToken,
      }),
      from2('/wxa/gettemplatelist', `access_token=${session.componentToken}`),
      from2('/wxa/get_category', `access_token=${session.authorizerToken}`),
      from2('/cgi-bin/component/clear_quota/v2', '', {
        component_appid: sim.platform.componentAppid,
        appsecret: sim.platform.componentAppsecret,
      }),
    ];
    for (const result of await Promise.all(calls)) {
      expect(result.json['errcode']).toBe(61004);
      expect(result.json['errmsg']).toMatch(
        /^access clientip is not registered requestIP: 127\.0\.0\.2 rid: [0-9a-f-]{26}$/,
      );
    }
    expect((await sim.api('/wxa/get_category', `access_token=${session.authorizerToken}`)).json['errcode']).toBe(0);
    const calls2 = (await sim.control('GET', '/calls?limit=50'))['calls'] as {
      ip: string;
      errcode: number;
      path: string;
    }[];
    expect(calls2.filter((c) => c.ip === '127.0.0.2').every((c) => c.errcode === 61004)).toBe(true);
    expect(JSON.stringify(calls2)).not.toContain(session.authorizerToken);
  });

  test('a listed second address is served; an empty whitelist refuses everyone', async () => {
    sim = await startTestSim({ whitelist: ['127.0.0.1', '127.0.0.2'] }, { host: '0.0.0.0' });
    const port = new URL(sim.url).port;
    const result = await http(`http://127.0.0.1:${port}/cgi-bin/component/api_start_push_ticket`, {
      localAddress: '127.0.0.2',
      body: { component_appid: sim.platform.componentAppid, component_secret: sim.platform.componentAppsecret },
    });
    expect(result.json).toEqual({ errcode: 0, errmsg: 'ok' });
    await sim.close();
    sim = await startTestSim({ whitelist: [] });
    const refused = await sim.api('/cgi-bin/component/api_start_push_ticket', '', { body: {} });
    expect(refused.json['errmsg']).toContain('requestIP: 127.0.0.1');
  });
});
