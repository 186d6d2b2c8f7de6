import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../src-main/contract/ipc.js';
import { ManualClock } from '../../src-main/core/platform/clock/manual-clock.js';
import { createIpWhitelistWatch } from '../../src-main/core/overview/ip-whitelist.js';
import { AuthorizerUnavailableError } from '../../src-main/core/wechat/tokens/token-errors.js';
import { WeChatError } from '../../src-main/core/wechat/client/wechat-error.js';
import type { Emitted, World } from './helpers/core-world.js';
import { invoke, startWorld, waitFor } from './helpers/core-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const notices = (emitted: Emitted[], kind: string): EventMap['app:notice'][] =>
  emitted.flatMap((e) => (e.channel === 'app:notice' && e.payload.kind === kind ? [e.payload] : []));

describe('a merchant whose refresh token died (61023)', () => {
  it('is announced with authorizers:changed and exactly one needs_reauth notice naming the mini-program', async () => {
    world = await startWorld();
    const w = world;
    const core = await w.startCore();
    await invoke(core, 'settings:savePreferences', { language: 'zh-CN' });
    const ctx = core.services;
    await waitFor(() => ctx.wechat.tickets.current() !== undefined, 'a ticket via the relay');
    const [appid = ''] = await w.seedApps(1);
    await w.control('POST', '/merchant/authorize', { appid });
    await waitFor(() => ctx.store.authorizers.data.byAppid[appid]?.nickname === 'Shop 0', 'authorized and synced');
    expect((await ctx.wechat.api.getVersionInfo(appid)).errcode ?? 0).toBe(0);

    // Hold back the `unauthorized` push so the core learns of the revocation from the token refresh alone.
    await w.control('POST', '/pushes/pause', { pushes: true });
    await w.control('POST', '/merchant/revoke', { appid });
    const mark = w.emitted.length;
    const results = await Promise.allSettled([1, 2, 3].map(() => ctx.wechat.api.getVersionInfo(appid)));
    for (const r of results) expect(r.status).toBe('rejected');
    await expect(ctx.wechat.api.getVersionInfo(appid)).rejects.toBeInstanceOf(AuthorizerUnavailableError);

    expect((await w.calls('/cgi-bin/component/api_authorizer_token')).filter((c) => c.errcode === 61023)).toHaveLength(
      1,
    );
    expect(ctx.store.authorizers.data.byAppid[appid]?.status).toBe('needs_reauth');
    const after = w.emitted.slice(mark);
    // The UI reloads on each change event; what must happen once is the notice.
    const changed = after.filter((e) => e.channel === 'authorizers:changed');
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed.every((e) => JSON.stringify(e.payload) === JSON.stringify({ appids: [appid] }))).toBe(true);
    const reauth = notices(after, 'needs_reauth');
    expect(reauth).toHaveLength(1);
    expect(reauth[0]).toMatchObject({ kind: 'needs_reauth', appid });
    expect(reauth[0]?.message).toEqual({ code: 'attention_needs_reauth', params: { name: 'Shop 0' }, errcode: 61023 });

    const overview = await invoke(core, 'overview:get');
    expect(overview.attention.filter((a) => a.kind === 'needs_reauth')).toEqual([
      { kind: 'needs_reauth', appid, message: reauth[0]?.message },
    ]);
  }, 30_000);
});

describe('calls refused because the caller IP is not whitelisted (61004)', () => {
  it('shows which IP to whitelist in the overview and notices it once', async () => {
    world = await startWorld({ whitelist: ['127.0.0.9'] });
    const w = world;
    const core = await w.startCore();
    const ctx = core.services;
    await waitFor(() => ctx.wechat.tickets.current() !== undefined, 'a ticket via the relay');
    expect((await invoke(core, 'overview:get')).attention.some((a) => a.kind === 'ip_whitelist')).toBe(false);

    await expect(ctx.wechat.component.token()).rejects.toMatchObject({ errcode: 61004, requestIp: '127.0.0.1' });
    await invoke(core, 'settings:testConnection');

    const items = (await invoke(core, 'overview:get')).attention.filter((a) => a.kind === 'ip_whitelist');
    expect(items).toHaveLength(1);
    expect(items[0]?.message).toMatchObject({
      code: 'attention_ip_whitelist',
      params: { ip: '127.0.0.1' },
      errcode: 61004,
    });
    const refused = notices(w.emitted, 'ip_whitelist');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.message.params?.['ip']).toBe('127.0.0.1');
  }, 30_000);

  it('forgets the refusal after a later call succeeds', async () => {
    world = await startWorld();
    const w = world;
    const core = await w.startCore();
    const ctx = core.services;
    await waitFor(() => ctx.wechat.tickets.current() !== undefined, 'a ticket via the relay');
    await w.control('POST', '/faults', {
      path: '/cgi-bin/component/api_component_token',
      kind: 'errcode',
      errcode: 61004,
      anyErrcode: true,
      count: 1,
    });
    await expect(ctx.wechat.component.token()).rejects.toMatchObject({ errcode: 61004 });
    expect((await invoke(core, 'overview:get')).attention.map((a) => a.kind)).toContain('ip_whitelist');

    await expect(ctx.wechat.component.token()).resolves.toBeTruthy();
    expect((await invoke(core, 'overview:get')).attention.map((a) => a.kind)).not.toContain('ip_whitelist');
  }, 30_000);

  it('keeps the IP from the real refusal until a success, with one notice per distinct IP', async () => {
    world = await startWorld({ whitelist: ['127.0.0.9'] });
    const core = await world.startCore();
    const ctx = core.services;
    await waitFor(() => ctx.wechat.tickets.current() !== undefined, 'a ticket via the relay');
    const error = await ctx.wechat.component.token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeChatError);

    const emitted: EventMap['app:notice'][] = [];
    const clock = new ManualClock(Date.UTC(2026, 10, 25, 0, 30));
    const watch = createIpWhitelistWatch({
      clock,
      emit: (channel, payload) => void (channel === 'app:notice' && emitted.push(payload as EventMap['app:notice'])),
    });
    watch.failed(error);
    await clock.advance(60_000);
    watch.failed(error);
    expect(emitted).toHaveLength(1);
    const item = watch.attention();
    expect(item?.kind).toBe('ip_whitelist');
    expect(item?.message).toEqual({
      code: 'attention_ip_whitelist',
      params: { ip: '127.0.0.1', since: '2026-11-25 00:30 UTC' },
      errcode: 61004,
    });

    watch.succeeded();
    expect(watch.attention()).toBeNull();
    watch.failed(error);
    expect(watch.attention()?.message.params?.['since']).toBe('2026-11-25 00:31 UTC');
    expect(emitted).toHaveLength(1);
  }, 30_000);
});
