import { describe, expect, it } from 'vitest';
import { parseServeConfig } from '../src/cli-config.js';
import { resolveSettings, SettingsError } from '../src/settings.js';

const base = { dataDir: '/tmp/x', wechatTokens: ['t'], publicUrl: 'http://127.0.0.1' };

describe('relay settings', () => {
  it('fills in the defaults', () => {
    const s = resolveSettings(base);
    expect(s.push.timestampToleranceMs).toBe(6 * 3600_000);
    expect(s.tunnel.allow).toEqual(['api.weixin.qq.com:443']);
    expect(s.ws.sweepIntervalMs).toBe(500);
    expect(s.rateLimit).toEqual({
      windowMs: 60_000,
      perIp: 30,
      perInvite: 20,
      slots: 4096,
      urlCacheMs: 30_000,
      urlCacheEntries: 1024,
    });
  });

  it('lower-cases the egress allow-list and keeps given values', () => {
    const s = resolveSettings({ ...base, tunnel: { allow: ['API.Example.com:443'], maxLifetimeMs: 1000 } });
    expect(s.tunnel).toMatchObject({ allow: ['api.example.com:443'], maxLifetimeMs: 1000, idleTimeoutMs: 120_000 });
  });

  it('names every value it refuses', () => {
    expect(() => resolveSettings({ ...base, ws: { window: 0 }, rateLimit: { perIp: 1.5 } })).toThrow(SettingsError);
    expect(() => resolveSettings({ ...base, ws: { window: 0 }, rateLimit: { perIp: 1.5 } })).toThrow(
      /ws\.window: .*; rateLimit\.perIp: /,
    );
  });
});

describe('serve flags for the hardening settings', () => {
  const required = ['--data-dir', '/tmp/x', '--public-url', 'https://relay.example.com', '--wechat-token', 'Token123'];

  it('reads the timestamp tolerance and launch rates from flags or variables', () => {
    const config = parseServeConfig([...required, '--timestamp-tolerance-hours', '2', '--launch-rate-per-ip', '5'], {
      WXFLEET_RELAY_LAUNCH_RATE_PER_INVITE: '7',
    });
    expect(config).toMatchObject({ timestampToleranceMs: 2 * 3600_000, launchPerIp: 5, launchPerInvite: 7 });
    expect(parseServeConfig(required, {})).toMatchObject({
      timestampToleranceMs: 6 * 3600_000,
      launchPerIp: 30,
      launchPerInvite: 20,
    });
  });

  it('says what to change for each bad value, all at once', () => {
    expect(() =>
      parseServeConfig([...required, '--timestamp-tolerance-hours', 'soon', '--launch-rate-per-invite', '0'], {}),
    ).toThrow(/timestamp-tolerance-hours "soon" must be a number of hours[\s\S]*launch-rate-per-invite "0"/);
  });
});
