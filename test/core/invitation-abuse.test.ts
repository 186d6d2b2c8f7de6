/**
 * Hostile use of the invitation links, seen from the desktop: launch pages opened over and over, and forged
 * redirects. The simulator's call log is the witness of what reached WeChat.
 */
import { afterEach, expect, it } from 'vitest';
import type { World } from './helpers/core-world.js';
import { invoke, startWorld, waitFor } from './helpers/core-world.js';
import { authorizeThroughInvitation } from './helpers/merchant.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const PREAUTH = '/cgi-bin/component/api_create_preauthcode';
const QUERY_AUTH = '/cgi-bin/component/api_query_auth';

it('mints one pre_auth_code per invitation and link variant however often its launch page is opened', async () => {
  world = await startWorld();
  const w = world;
  const core = await w.startCore();
  const links = core.services.onboarding.invitations;
  await waitFor(() => core.services.wechat.tickets.current() !== undefined, 'a ticket via the relay');
  const [appid] = await w.seedApps(1);
  const inv = await invoke(core, 'invitations:create', { note: 'busy link' });

  const pc = await Promise.all(
    Array.from({ length: 50 }, () => links.authorizationUrl({ inviteId: inv.id, variant: 'pc' })),
  );
  const mobile = await Promise.all(
    Array.from({ length: 10 }, () => links.authorizationUrl({ inviteId: inv.id, variant: 'mobile' })),
  );
  expect(new Set(pc).size).toBe(1);
  expect(new Set(mobile).size).toBe(1);
  expect(pc[0]).not.toBe(mobile[0]);
  expect(await w.calls(PREAUTH)).toHaveLength(2);

  // The cached link still works: the merchant authorizes through the launch page with it.
  await authorizeThroughInvitation(w, inv, appid ?? '', [17, 18, 19, 30]);
  await waitFor(async () => (await invoke(core, 'invitations:list'))[0]?.status === 'done', 'invitation done');
  expect(await w.calls(PREAUTH)).toHaveLength(2);
  await expect(links.authorizationUrl({ inviteId: inv.id, variant: 'pc' })).rejects.toThrow(/invitation_not_open/);

  // 200 anonymous visits of another invitation's public launch pages, answered or refused by the relay's limits:
  // at most one code per variant.
  const busy = await invoke(core, 'invitations:create', { note: 'flooded link' });
  const statuses: number[] = [];
  for (let round = 0; round < 10; round++) {
    const visits = Array.from({ length: 20 }, (_, i) => (i % 4 === 0 ? busy.mobileUrl : busy.pcUrl));
    statuses.push(...(await Promise.all(visits.map(async (url) => (await fetch(url)).status))));
  }
  expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
  expect(statuses).toContain(200);
  expect((await w.calls(PREAUTH)).length - 2).toBeLessThanOrEqual(2);
});

it('ignores redirects for invitations that are not waiting for a merchant, without calling WeChat', async () => {
  world = await startWorld();
  const w = world;
  const core = await w.startCore();
  const ctx = core.services;
  const events = ctx.onboarding.events;
  await waitFor(() => ctx.relay.status().state === 'connected', 'relay connected');
  const neverOpened = await invoke(core, 'invitations:create', { note: 'link never opened' });
  const revoked = await invoke(core, 'invitations:create', { note: 'revoked' });
  await ctx.onboarding.invitations.authorizationUrl({ inviteId: revoked.id, variant: 'pc' });
  await invoke(core, 'invitations:revoke', revoked.id);
  const rowsBefore = ctx.store.events.data.recent.filter((r) => r.kind === 'auth_callback').length;

  const forged = (inviteId: string, i: number) => ({
    kind: 'auth_callback' as const,
    seq: 0,
    receivedAt: new Date().toISOString(),
    identity: `forged-${inviteId}-${i}`,
    inviteId,
    authCode: `queryauthcode@@@forged-${i}`,
    expiresIn: 600,
  });
  const verdicts = await Promise.all(
    [neverOpened.id, revoked.id, 'no-such-invitation'].flatMap((id) =>
      Array.from({ length: 30 }, (_, i) => events.onCallback(forged(id, i))),
    ),
  );
  expect(verdicts.every((accepted) => !accepted)).toBe(true);

  // The same through the relay's public redirect: whatever the relay does with them, the desktop calls nobody.
  for (let i = 0; i < 20; i++) {
    await fetch(
      `${w.relay.url}/authorize/${revoked.id}/done?auth_code=queryauthcode%40%40%40relayed-${i}&expires_in=600`,
    );
  }
  const head = w.relay.app.relay.store.events.headSeq();
  await waitFor(() => ctx.store.relayCursor.data.cursor >= head, 'the desktop caught up with the relay');

  expect(await w.calls(QUERY_AUTH)).toHaveLength(0);
  expect(ctx.store.events.data.recent.filter((r) => r.kind === 'auth_callback')).toHaveLength(rowsBefore);
  expect((await invoke(core, 'invitations:list')).map((i) => i.status).sort()).toEqual(['pending', 'revoked']);
});
