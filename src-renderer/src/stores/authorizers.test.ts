// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthorizerRow } from '@contract/fleet';
import { i18n } from '@renderer/i18n';
import { useAuthorizersStore } from '@renderer/stores/authorizers';
import { authorizerRow, authorizerRows } from '@renderer/testing/fixtures';
import { err, installFakeBridge, ok } from '@renderer/testing/fake-bridge';
import { clearNotices, errorNotices } from '@renderer/testing/notices';

beforeEach(() => {
  setActivePinia(createPinia());
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  clearNotices();
  i18n.global.locale.value = 'zh-CN';
});

describe('authorizers store', () => {
  it('does not lose a change that happens while the first snapshot is being taken', async () => {
    const before = [authorizerRow(1)];
    const after = [authorizerRow(1), authorizerRow(2)];
    let snapshots = 0;
    const fake = installFakeBridge({
      'authorizers:list': () => {
        snapshots += 1;
        // Main commits a new authorizer and pushes the event before the (stale) snapshot reaches us.
        if (snapshots === 1) fake.emit('authorizers:changed', { appids: [after[1]!.appid] });
        return ok(snapshots === 1 ? before : after);
      },
    });
    const store = useAuthorizersStore();

    await store.start();
    expect(store.rows.map((r) => r.appid)).toEqual(before.map((r) => r.appid));
    await vi.advanceTimersByTimeAsync(300);

    expect(store.rows.map((r) => r.appid)).toEqual(after.map((r) => r.appid));
  });

  it('reloads the cache once for a burst of change events and subscribes only once', async () => {
    let current: AuthorizerRow[] = [authorizerRow(1)];
    const fake = installFakeBridge({ 'authorizers:list': () => ok(current) });
    const store = useAuthorizersStore();
    await store.start();
    await store.start();
    expect(fake.listeners('authorizers:changed')).toBe(1);

    current = [authorizerRow(1, { nickname: 'Renamed' }), authorizerRow(3)];
    for (let i = 0; i < 200; i++) fake.emit('authorizers:changed', { appids: [current[0]!.appid] });
    await vi.advanceTimersByTimeAsync(300);

    expect(fake.calls('authorizers:list')).toHaveLength(3);
    expect(store.rows.map((r) => r.nickname)).toEqual(['Renamed', 'Shop 3']);
  });

  it('shares one snapshot between pages asking at once, and takes another for a change made during it', async () => {
    let answer: (rows: AuthorizerRow[]) => void = () => undefined;
    const fake = installFakeBridge({
      'authorizers:list': () => new Promise((resolve) => (answer = (rows) => resolve(ok(rows)))),
    });
    const store = useAuthorizersStore();
    const first = store.start();
    const second = store.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls('authorizers:list')).toHaveLength(1);

    fake.emit('authorizers:changed', { appids: ['wx-new'] });
    await vi.advanceTimersByTimeAsync(300);
    expect(fake.calls('authorizers:list')).toHaveLength(1);
    answer([authorizerRow(1)]);
    await Promise.all([first, second]);
    expect(store.rows).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls('authorizers:list')).toHaveLength(2);
    answer([authorizerRow(1), authorizerRow(2)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.rows).toHaveLength(2);
  });

  it('drops selections of mini-programs that disappeared on reload', async () => {
    let current = authorizerRows(3);
    installFakeBridge({ 'authorizers:list': () => ok(current) });
    const store = useAuthorizersStore();
    await store.load();
    store.selectVisible(true);
    current = current.slice(1);
    await store.load();
    expect([...store.selected]).toEqual(current.map((r) => r.appid));
  });

  it('hands failures to the error presenter instead of throwing into the page', async () => {
    i18n.global.locale.value = 'en';
    installFakeBridge({
      'authorizers:list': () => err('relay_unreachable', { code: 'relay_tunnel_failed', params: { endpoint: 'x' } }),
    });
    const store = useAuthorizersStore();

    await expect(store.start()).resolves.toBeUndefined();

    expect(store.loading).toBe(false);
    expect(store.rows).toEqual([]);
    expect(errorNotices()).toHaveLength(1);
    expect(errorNotices()[0]).toContain('Relay unreachable');
    expect(errorNotices()[0]).toContain('The call through the relay tunnel failed (x).');
  });

  it('filters and searches 5,000 rows on every field the toolbar offers', async () => {
    const rows = authorizerRows(5000);
    installFakeBridge({ 'authorizers:list': () => ok(rows) });
    const store = useAuthorizersStore();
    await store.load();
    expect(store.visible).toHaveLength(5000);

    store.filter.search = 'shop 4242';
    expect(store.visible.map((r) => r.nickname)).toEqual(['Shop 4242']);

    store.filter.search = '  GH_12  ';
    expect(store.visible.map((r) => r.userName)).toEqual(
      rows.filter((r) => r.userName.startsWith('gh_12')).map((r) => r.userName),
    );

    store.filter.search = 'globex';
    store.filter.status = 'revoked';
    store.filter.drift = 'yes';
    const expected = rows.filter((r) => r.principal === 'Globex Co' && r.status === 'revoked' && r.drift);
    expect(expected.length).toBeGreaterThan(0);
    expect(store.visible).toEqual(expected);

    Object.assign(store.filter, { search: '', status: '', drift: '', tag: 'vip', version: '1.0.0', templateId: 0 });
    const tagged = rows.filter(
      (r) => r.tags.includes('vip') && r.online?.userVersion === '1.0.0' && r.online.templateId === 0,
    );
    expect(tagged.length).toBeGreaterThan(0);
    expect(store.visible).toEqual(tagged);
    expect(store.tags).toEqual(['vip']);
    expect(store.versions).toEqual(['1.0.0', '1.0.1', '1.0.2', '1.0.3', '1.0.4']);

    store.selectVisible(true);
    expect(store.selected.size).toBe(tagged.length);
  });
});
