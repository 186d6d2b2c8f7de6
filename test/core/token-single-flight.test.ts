import { afterEach, describe, expect, it } from 'vitest';
import { authorizerAccessTokenName } from '../../src-main/core/platform/vault/secret-names.js';
import type { Harness } from './helpers/core-harness.js';
import { startHarness } from './helpers/core-harness.js';

const COMPONENT_TOKEN = '/cgi-bin/component/api_component_token';
const AUTHORIZER_TOKEN = '/cgi-bin/component/api_authorizer_token';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('token refresh is single-flight (simulator call log as witness)', () => {
  it('100 concurrent calls needing the component token cause exactly one api_component_token', async () => {
    h = await startHarness();
    const harness = h;
    expect(harness.vault.has('component.accessToken')).toBe(false);
    const results = await Promise.all(Array.from({ length: 100 }, () => harness.api.getApiDomainIp()));
    expect(results.every((r) => (r.errcode ?? 0) === 0)).toBe(true);
    expect(await harness.calls(COMPONENT_TOKEN)).toHaveLength(1);
    expect(await harness.calls('/cgi-bin/get_api_domain_ip')).toHaveLength(100);
  });

  it('100 concurrent calls for one merchant cause exactly one api_authorizer_token', async () => {
    h = await startHarness();
    const harness = h;
    const [appid = ''] = await harness.onboard(1);
    await harness.vault.delete(authorizerAccessTokenName(appid));
    const results = await Promise.all(Array.from({ length: 100 }, () => harness.api.getVersionInfo(appid)));
    expect(results.every((r) => (r.errcode ?? 0) === 0)).toBe(true);
    expect(await harness.calls(AUTHORIZER_TOKEN)).toHaveLength(1);
    expect(await harness.calls(COMPONENT_TOKEN)).toHaveLength(1);
  });

  it('a component token revoked mid-flight (40001) costs one re-fetch and no visible error', async () => {
    h = await startHarness({ sim: { componentTokenOverlapSeconds: 0 } });
    const harness = h;
    await harness.api.getApiDomainIp();
    // Another process refreshes the component token behind our back: with no overlap ours dies at once.
    await harness.control('POST', '/faults', { path: '/cgi-bin/get_api_domain_ip', kind: 'latency', latencyMs: 400 });
    const inFlight = Promise.all(Array.from({ length: 30 }, () => harness.api.getApiDomainIp()));
    await new Promise((r) => setTimeout(r, 20));
    const ticket = harness.vault.get('component.ticket')?.value ?? '';
    await harness.http.call(
      'apiComponentToken',
      {
        component_appid: harness.platform.componentAppid,
        component_appsecret: harness.platform.componentAppsecret,
        component_verify_ticket: ticket,
      },
      null,
    );
    const results = await inFlight;
    expect(results.every((r) => (r.errcode ?? 0) === 0)).toBe(true);
    const tokenCalls = await harness.calls(COMPONENT_TOKEN);
    expect(tokenCalls).toHaveLength(3); // ours, the intruder's, our single re-fetch
    const rejected = (await harness.calls('/cgi-bin/get_api_domain_ip')).filter((c) => c.errcode === 40001);
    expect(rejected.length).toBe(30);
  });

  it('an authorizer token revoked mid-flight costs one re-fetch and no visible error', async () => {
    h = await startHarness({ sim: { authorizerTokenOverlapSeconds: 0 } });
    const harness = h;
    const [appid = ''] = await harness.onboard(1);
    await harness.api.getVersionInfo(appid);
    const before = (await harness.calls(AUTHORIZER_TOKEN)).length;
    // Someone else refreshes this merchant's token with the (shared, durable) refresh token.
    const component = await harness.component.token();
    await harness.http.call(
      'apiAuthorizerToken',
      {
        component_appid: harness.platform.componentAppid,
        authorizer_appid: appid,
        authorizer_refresh_token: harness.vault.get(`authorizer.${appid}.refreshToken`) ?? '',
      },
      component,
    );
    const results = await Promise.all(Array.from({ length: 30 }, () => harness.api.getVersionInfo(appid)));
    expect(results.every((r) => (r.errcode ?? 0) === 0)).toBe(true);
    expect((await harness.calls(AUTHORIZER_TOKEN)).length - before).toBe(2); // the intruder's and our one re-fetch
  });
});
