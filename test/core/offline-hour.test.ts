import { afterEach, expect, it } from 'vitest';
import type { World } from './helpers/core-world.js';
import { startWorld, waitFor } from './helpers/core-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const headSeq = (w: World): number => w.relay.app.relay.store.events.headSeq();

it('applies every push queued during a simulated hour offline exactly once, in order', async () => {
  world = await startWorld({ ticketIntervalSeconds: 600 });
  const w = world;
  const first = await w.startCore();
  await waitFor(() => first.services.relay.client()?.status().state === 'connected', 'connected');
  const appids = await w.seedApps(6);
  for (const appid of appids.slice(0, 2)) await w.control('POST', '/merchant/authorize', { appid });
  await waitFor(
    () => appids.slice(0, 2).every((a) => first.services.store.authorizers.data.byAppid[a]?.status === 'authorized'),
    'first two authorized',
  );
  await first.stop();
  const cursorBefore = first.services.store.relayCursor.data.cursor;

  // An hour passes with the console closed: six tickets, three authorizations, a change and a revocation.
  for (let i = 0; i < 6; i++) await w.control('POST', '/clock/advance', { seconds: 600 });
  for (const appid of appids.slice(2, 5)) await w.control('POST', '/merchant/authorize', { appid });
  await w.control('POST', '/merchant/update', { appid: appids[0], funcIds: [17, 18] });
  await w.control('POST', '/merchant/revoke', { appid: appids[1] });
  await waitFor(async () => {
    const { pushes } = await w.control<{ pushes: { state: string }[] }>('GET', '/pushes?limit=1000');
    return pushes.every((p) => p.state === 'delivered');
  }, 'every push on the relay');
  const head = headSeq(w);
  expect(head - cursorBefore).toBeGreaterThanOrEqual(11);

  const second = await w.startCore(false);
  const ctx = second.services;
  await waitFor(() => ctx.store.relayCursor.data.cursor === head, 'the backlog applied');

  const rows = ctx.store.events.data.recent.filter((r) => r.seq > cursorBefore);
  expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: head - cursorBefore }, (_, i) => cursorBefore + 1 + i));
  expect(new Set(rows.map((r) => r.identity)).size).toBe(rows.length);
  const kinds = rows.map((r) => r.kind);
  expect(kinds.filter((k) => k === 'component_verify_ticket').length).toBeGreaterThanOrEqual(6);
  expect(kinds.filter((k) => k === 'authorized')).toHaveLength(3);
  // The state those pushes describe, applied in their order.
  const byAppid = ctx.store.authorizers.data.byAppid;
  expect(appids.slice(2, 5).every((a) => byAppid[a]?.status === 'authorized')).toBe(true);
  expect(byAppid[appids[1] ?? '']?.status).toBe('revoked');
  expect(byAppid[appids[0] ?? '']?.funcInfo).toEqual([17, 18]);
  // Two before, three during, one update: each code exchanged once.
  expect(await w.calls('/cgi-bin/component/api_query_auth')).toHaveLength(6);
  expect(ctx.wechat.tickets.current()).toBeDefined();

  // Reconnecting again replays nothing.
  await second.stop();
  const third = await w.startCore(false);
  await waitFor(() => third.services.relay.client()?.status().state === 'connected', 'connected again');
  expect(third.services.store.events.data.recent.filter((r) => r.seq > cursorBefore)).toHaveLength(rows.length);
});
