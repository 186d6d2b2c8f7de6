import { afterEach, expect, it } from 'vitest';
import { authorizerRefreshTokenName } from '../../src-main/core/platform/vault/secret-names.js';
import type { World } from './helpers/core-world.js';
import { invoke, startWorld, waitFor } from './helpers/core-world.js';
import { authorizeThroughInvitation } from './helpers/merchant.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

it('goes from an empty profile to three authorized mini-programs through invitations and the relay', async () => {
  world = await startWorld();
  const w = world;
  const core = await w.startCore();
  const ctx = core.services;
  // The simulator pushed a ticket to the relay at start; it reaches the core through the relay.
  await waitFor(() => ctx.wechat.tickets.current() !== undefined, 'a ticket via the relay');
  await waitFor(() => ctx.relay?.status().state === 'connected', 'relay connected');

  const appids = await w.seedApps(3);
  const full = [17, 18, 19, 30];
  const plans: Array<{ appid: string; funcs: number[]; variant: 'pc' | 'mobile' }> = [
    { appid: appids[0] ?? '', funcs: full, variant: 'pc' },
    { appid: appids[1] ?? '', funcs: full, variant: 'mobile' },
    { appid: appids[2] ?? '', funcs: [17, 19, 30], variant: 'pc' },
  ];
  const invitations = [];
  for (const plan of plans) {
    const inv = await invoke(core, 'invitations:create', { note: `for ${plan.appid}` });
    expect(inv.pcUrl).toBe(`${w.relay.url}/authorize/${inv.id}`);
    expect(inv.mobileUrl).toBe(`${w.relay.url}/authorize/${inv.id}?variant=mobile`);
    expect(inv.pcQr).toMatch(/^data:image\/png;base64,/);
    expect(inv.mobileQr).toMatch(/^data:image\/png;base64,/);
    await authorizeThroughInvitation(w, inv, plan.appid, plan.funcs, plan.variant);
    invitations.push(inv);
  }

  // Both the redirect (auth_callback) and the `authorized` push arrive for each authorization.
  await waitFor(() => {
    const kinds = ctx.store.events.data.recent.map((r) => r.kind);
    return (
      kinds.filter((k) => k === 'auth_callback').length === 3 && kinds.filter((k) => k === 'authorized').length === 3
    );
  }, 'three callbacks and three authorized pushes');
  await waitFor(
    async () => (await invoke(core, 'invitations:list')).every((i) => i.status === 'done'),
    'invitations done',
  );

  // Redeemed exactly once each: the simulator's own call log is the witness.
  expect(await w.calls('/cgi-bin/component/api_query_auth')).toHaveLength(3);
  const rows = await invoke(core, 'authorizers:list', {});
  expect(rows.map((r) => r.appid).sort()).toEqual([...appids].sort());
  expect(rows.every((r) => r.status === 'authorized' && r.nickname.startsWith('Shop '))).toBe(true);
  for (const appid of appids) expect(ctx.vault.has(authorizerRefreshTokenName(appid))).toBe(true);

  const listed = await invoke(core, 'invitations:list');
  const byAppid = new Map(listed.map((i) => [i.authorizerAppid, i]));
  expect(byAppid.get(appids[0] ?? '')?.warning).toBeNull();
  expect(byAppid.get(appids[2] ?? '')?.warning).toEqual({
    code: 'invitation_missing_code_permission',
    params: { appid: appids[2] },
  });
  expect(rows.find((r) => r.appid === appids[2])?.canManageCode).toBe(false);
  expect(w.emitted.some((e) => e.channel === 'app:notice' && e.payload.kind === 'missing_code_permission')).toBe(true);
  const overview = await invoke(core, 'overview:get');
  expect(overview.authorizers).toMatchObject({ total: 3, authorized: 3 });
  expect(overview.attention.some((a) => a.kind === 'missing_code_permission' && a.appid === appids[2])).toBe(true);

  // A revoked invitation closes its launch page on the relay.
  const extra = await invoke(core, 'invitations:create', { note: 'never used' });
  await invoke(core, 'invitations:revoke', extra.id);
  await waitFor(async () => (await fetch(extra.pcUrl)).status === 410, 'revoked launch page');

  // The merchant grants set 18 later: updateauthorized re-queries and the warning goes away.
  await w.control('POST', '/merchant/update', { appid: appids[2], funcIds: full });
  await waitFor(() => ctx.store.authorizers.data.byAppid[appids[2] ?? '']?.funcInfo.includes(18) === true, 'update');

  // The merchant revokes: the push marks it revoked and its tokens are dropped.
  await w.control('POST', '/merchant/revoke', { appid: appids[1] });
  await waitFor(() => ctx.store.authorizers.data.byAppid[appids[1] ?? '']?.status === 'revoked', 'revoked');
  expect(ctx.vault.has(authorizerRefreshTokenName(appids[1] ?? ''))).toBe(false);
  // The row is recorded once the push is fully applied (after its effects).
  await waitFor(async () => (await invoke(core, 'events:list', {})).some((e) => e.kind === 'unauthorized'), 'row');
  const events = await invoke(core, 'events:list', {});
  expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['unauthorized', 'updateauthorized']));
  const ticketRow = events.find((e) => e.kind === 'component_verify_ticket');
  expect(ticketRow?.fields['ticket']).toBe('***');
  expect(events.find((e) => e.kind === 'authorized')?.fields['authorizationCode']).toBe('***');
});
