import { afterEach, expect, it } from 'vitest';
import { authorizerRefreshTokenName } from '../../src-main/core/platform/vault/secret-names.js';
import type { World } from './helpers/core-world.js';
import { invoke, startWorld, waitFor } from './helpers/core-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

it('keeps secrets write-only and restarts the relay link when its settings change', async () => {
  world = await startWorld();
  const w = world;
  const core = await w.startCore(false);
  const empty = await invoke(core, 'settings:get');
  expect(empty).toMatchObject({ profile: 'acme', demo: false, egress: 'relay', language: 'zh-CN', theme: 'light' });
  expect(empty.platform.appsecretSet).toBe(false);
  await expect(invoke(core, 'settings:savePlatform', { componentAppid: 'nope' })).rejects.toThrow(/appid/);
  await expect(invoke(core, 'settings:saveRelay', { url: 'ftp://relay' })).rejects.toThrow(/https/);

  const saved = await invoke(core, 'settings:savePlatform', {
    componentAppid: w.sim.platform.componentAppid,
    appsecret: w.sim.platform.componentAppsecret,
    token: w.sim.platform.token,
    encodingAESKey: w.sim.platform.encodingAESKey,
  });
  expect(saved.platform).toMatchObject({ appsecretSet: true, tokenSet: true, encodingAESKeySet: true });
  expect(JSON.stringify(saved)).not.toContain(w.sim.platform.componentAppsecret);

  // A refused device token: the link says so; the right one restarts the client and connects.
  await invoke(core, 'settings:saveRelay', { url: w.relay.url, deviceToken: 'wxr_refused-token-value' });
  await waitFor(() => core.services.relay.client()?.status().reason === 'unauthorized', 'refused');
  const refused = core.services.relay.client();
  await invoke(core, 'settings:saveRelay', { deviceToken: w.deviceToken });
  expect(core.services.relay.client()).not.toBe(refused);
  await waitFor(() => core.services.relay.client()?.status().state === 'connected', 'connected');
  expect(w.emitted.some((e) => e.channel === 'relay:status' && e.payload.state === 'connected')).toBe(true);
  expect(JSON.stringify(w.emitted)).not.toContain('refused-token-value');

  const prefs = await invoke(core, 'settings:savePreferences', { language: 'en', theme: 'dark', egress: 'direct' });
  expect(prefs).toMatchObject({ language: 'en', theme: 'dark', egress: 'direct' });
  await waitFor(() => core.services.wechat.tickets.current() !== undefined, 'a ticket via the relay');
  await expect(core.services.wechat.component.token()).resolves.toBeTruthy();
});

it('syncs mini-program info, recovers a lost refresh token on sync, and keeps tags', async () => {
  world = await startWorld();
  const w = world;
  const core = await w.startCore();
  const ctx = core.services;
  await waitFor(() => ctx.wechat.tickets.current() !== undefined, 'a ticket via the relay');
  const appids = await w.seedApps(2);
  for (const appid of appids) await w.control('POST', '/merchant/authorize', { appid });
  await waitFor(
    () => appids.every((a) => ctx.store.authorizers.data.byAppid[a]?.status === 'authorized'),
    'authorized',
  );

  const [first = '', second = ''] = appids;
  await ctx.vault.delete(authorizerRefreshTokenName(second));
  const rows = await invoke(core, 'authorizers:sync', null);
  expect(rows).toHaveLength(2);
  expect(ctx.vault.has(authorizerRefreshTokenName(second))).toBe(true);
  expect(rows.every((r) => r.userName.startsWith('gh_') && r.principal !== '')).toBe(true);

  const tagged = await invoke(core, 'authorizers:setTags', first, [' vip ', 'vip', 'north']);
  expect(tagged.tags).toEqual(['vip', 'north']);
  expect((await invoke(core, 'authorizers:list', { tag: 'vip' })).map((r) => r.appid)).toEqual([first]);
  const detail = await invoke(core, 'authorizers:get', first);
  expect(detail.funcInfo).toEqual([17, 18, 19, 30]);
  expect(detail.headImg).toMatch(/^http/);
  expect(w.emitted.some((e) => e.channel === 'authorizers:changed' && e.payload.appids.includes(first))).toBe(true);
});
