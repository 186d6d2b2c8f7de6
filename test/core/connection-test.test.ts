import { afterEach, expect, it } from 'vitest';
import type { World } from './helpers/core-world.js';
import { invoke, startWorld, waitFor } from './helpers/core-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

it('reports every hop green against the simulator and the relay', async () => {
  world = await startWorld();
  const core = await world.startCore();
  await waitFor(() => core.services.wechat.tickets.current() !== undefined, 'a ticket via the relay');
  const report = await invoke(core, 'settings:testConnection');
  expect(report.hops.map((h) => [h.id, h.ok])).toEqual([
    ['settings', true],
    ['relay_reachable', true],
    ['device_accepted', true],
    ['tunnel', true],
    ['ticket', true],
    ['component_token', true],
  ]);
  expect(report.ok).toBe(true);
  // The calls went through the relay's CONNECT tunnel.
  expect(world.relay.app.relay.tunnel.open()).toBeGreaterThan(0);
});

it('reports 61004 with the IP WeChat saw and what to do when the whitelist excludes the caller', async () => {
  world = await startWorld({ whitelist: ['10.9.8.7'] });
  const core = await world.startCore();
  await waitFor(() => core.services.wechat.tickets.current() !== undefined, 'a ticket via the relay');
  const report = await invoke(core, 'settings:testConnection');
  expect(report.ok).toBe(false);
  const token = report.hops.find((h) => h.id === 'component_token');
  expect(token).toMatchObject({ ok: false, errcode: 61004, seenIp: '127.0.0.1' });
  expect(token?.detail).toEqual({ code: 'hop_ip_refused', params: { ip: '127.0.0.1' }, errcode: 61004 });
  expect(token?.fix).toEqual({ code: 'hop_ip_refused_fix', params: { ip: '127.0.0.1' } });
  expect(report.hops.find((h) => h.id === 'tunnel')).toMatchObject({ ok: false, errcode: 61004 });
  expect(report.hops.find((h) => h.id === 'relay_reachable')?.ok).toBe(true);
});

it('says which settings are missing and that a wrong device token is refused', async () => {
  world = await startWorld();
  const core = await world.startCore(false);
  await invoke(core, 'settings:saveRelay', { url: world.relay.url, deviceToken: 'wxr_not-a-real-token' });
  const report = await invoke(core, 'settings:testConnection');
  expect(report.hops.find((h) => h.id === 'settings')).toMatchObject({ ok: false });
  expect(report.hops.find((h) => h.id === 'settings')?.detail).toMatchObject({ code: 'hop_settings_missing' });
  expect(report.hops.find((h) => h.id === 'settings')?.detail.params?.['fields']).toContain('appsecret');
  expect(report.hops.find((h) => h.id === 'relay_reachable')?.ok).toBe(true);
  expect(report.hops.find((h) => h.id === 'device_accepted')?.ok).toBe(false);
  expect(JSON.stringify(report)).not.toContain('not-a-real-token');
});
