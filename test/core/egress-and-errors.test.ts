import { afterEach, describe, expect, it } from 'vitest';
import { startRelay } from '../../relay/test/helpers/relay-fixture.js';
import type { TestRelay } from '../../relay/test/helpers/relay-fixture.js';
import { WeChatError } from '../../src-main/core/wechat/client/wechat-error.js';
import type { Harness } from './helpers/core-harness.js';
import { startHarness } from './helpers/core-harness.js';

let h: Harness | undefined;
let relay: TestRelay | undefined;
afterEach(async () => {
  await h?.close();
  await relay?.close();
  h = undefined;
  relay = undefined;
});

const hostPort = (url: string): string => new URL(url).host;

describe('egress through the relay CONNECT tunnel', () => {
  it('reaches WeChat through the real relay with the device token', async () => {
    let deviceToken = '';
    h = await startHarness({
      egress: async (simUrl) => {
        relay = await startRelay({ tunnel: { allow: [hostPort(simUrl)] } });
        deviceToken = relay.addDevice('desk');
        return { mode: 'relay', relayUrl: relay.url, deviceToken };
      },
    });
    const [appid = ''] = await h.onboard(1);
    expect((await h.api.getVersionInfo(appid)).errcode ?? 0).toBe(0);
    // The kept-alive tunnel is still open in the relay: the calls went through it.
    expect(relay?.app.relay.tunnel.open()).toBeGreaterThan(0);
    expect(JSON.stringify(await h.log())).not.toContain(deviceToken);
  });

  it('reports a refused device token as a relay error that says what to do', async () => {
    h = await startHarness({
      egress: async (simUrl) => {
        relay = await startRelay({ tunnel: { allow: [hostPort(simUrl)] } });
        relay.addDevice('desk');
        return { mode: 'relay', relayUrl: relay.url, deviceToken: 'wxr_not-a-real-token' };
      },
    });
    const err = await h.api.getApiDomainIp().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WeChatError);
    expect(err).toMatchObject({ kind: 'relay', httpStatus: 407, retryClass: 'permanent' });
    expect((err as WeChatError).fix.en).toMatch(/device token/);
    expect(String((err as WeChatError).message)).not.toContain('not-a-real-token');
    expect(await h.calls()).toEqual([]);
  });

  it('reports a target the relay does not allow', async () => {
    h = await startHarness({
      egress: async () => {
        relay = await startRelay({ tunnel: { allow: ['api.weixin.qq.com:443'] } });
        return { mode: 'relay', relayUrl: relay.url, deviceToken: relay.addDevice('desk') };
      },
    });
    await expect(h.api.getApiDomainIp()).rejects.toMatchObject({ kind: 'relay', httpStatus: 403 });
  });
});

describe('errors and retries by class', () => {
  it('explains 61004 with the IP WeChat saw and does not retry it', async () => {
    h = await startHarness({ sim: { whitelist: ['10.9.8.7'] } });
    const err = await h.api
      .apiStartPushTicket({
        component_appid: h.platform.componentAppid,
        component_secret: h.platform.componentAppsecret,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WeChatError);
    const e = err as WeChatError;
    expect(e.errcode).toBe(61004);
    expect(e.requestIp).toBe('127.0.0.1');
    expect(e.rid).toMatch(/^[0-9a-f]+-/);
    expect(e.fix.en.length).toBeGreaterThan(10);
    expect((await h.calls('/cgi-bin/component/api_start_push_ticket')).length).toBe(1);
  });

  it('retries a transient -1 with backoff and succeeds', async () => {
    h = await startHarness({ retry: { baseDelayMs: 10 } });
    await h.api.getApiDomainIp();
    await h.control('POST', '/faults', { path: '/cgi-bin/get_api_domain_ip', kind: 'errcode', errcode: -1, count: 2 });
    expect((await h.api.getApiDomainIp()).errcode ?? 0).toBe(0);
    const calls = await h.calls('/cgi-bin/get_api_domain_ip');
    expect(calls.map((c) => c.errcode)).toEqual([0, -1, -1, 0]);
  });

  it('retries a 5xx, but never a permanent error or a non-idempotent call', async () => {
    h = await startHarness();
    const [appid = ''] = await h.onboard(1);
    await h.control('POST', '/faults', { path: '/wxa/getversioninfo', kind: 'http5xx', status: 502, count: 1 });
    expect((await h.api.getVersionInfo(appid)).errcode ?? 0).toBe(0);

    await h.control('POST', '/faults', { path: '/wxa/getversioninfo', kind: 'errcode', errcode: 45011 });
    await expect(h.api.getVersionInfo(appid)).rejects.toMatchObject({ errcode: 45011, retryClass: 'quota' });
    expect((await h.calls('/wxa/getversioninfo')).filter((c) => c.errcode === 45011)).toHaveLength(1);

    await h.control('POST', '/faults', { path: '/wxa/release', kind: 'errcode', errcode: -1 });
    await expect(h.api.release(appid)).rejects.toMatchObject({ errcode: -1 });
    expect(await h.calls('/wxa/release')).toHaveLength(1);
  });
});

describe('circuit breaker on token calls', () => {
  it('stops component-token calls after 45009 instead of burning more quota', async () => {
    h = await startHarness();
    await h.control('POST', '/quota/exhaust', { path: '/cgi-bin/component/api_component_token' });
    for (let i = 0; i < 20; i++) await expect(h.api.getApiDomainIp()).rejects.toThrow();
    const calls = await h.calls('/cgi-bin/component/api_component_token');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.errcode).toBe(45009);
    await expect(h.api.getApiDomainIp()).rejects.toMatchObject({ code: 'TOKEN_CIRCUIT_OPEN' });
  });

  it('opens after repeated failures of a transient kind too', async () => {
    h = await startHarness({ retry: { baseDelayMs: 10 } });
    await h.control('POST', '/faults', {
      path: '/cgi-bin/component/api_component_token',
      kind: 'errcode',
      errcode: -1,
    });
    for (let i = 0; i < 10; i++) await h.api.getApiDomainIp().catch(() => undefined);
    // 3 failed refreshes of 3 attempts each, then nothing.
    expect(await h.calls('/cgi-bin/component/api_component_token')).toHaveLength(9);
  }, 30_000);
});
