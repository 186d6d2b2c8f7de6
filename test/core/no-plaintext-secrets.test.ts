import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import {
  authorizerAccessTokenName,
  authorizerRefreshTokenName,
} from '../../src-main/core/platform/vault/secret-names.js';
import type { Harness } from './helpers/core-harness.js';
import { invoke, startWorld, waitFor } from './helpers/core-world.js';
import { authorizeThroughInvitation } from './helpers/merchant.js';
import { startHarness } from './helpers/core-harness.js';

let h: Harness | undefined;
afterEach(async () => h?.close());

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

it('leaves no secret, token or refresh token in plaintext in the profile files, logs or errors', async () => {
  h = await startHarness({
    sim: { componentTokenOverlapSeconds: 0, authorizerTokenOverlapSeconds: 0 },
    retry: { baseDelayMs: 5 },
  });
  const harness = h;
  const secrets = new Set<string>([
    harness.platform.componentAppsecret,
    harness.platform.encodingAESKey,
    harness.platform.token,
  ]);
  const collect = (): void => {
    for (const name of harness.vault.names()) {
      const value = harness.vault.get(name);
      if (typeof value === 'string') secrets.add(value);
      else if (value && typeof value === 'object' && 'value' in value) secrets.add(value.value);
    }
  };
  const errors: string[] = [];
  const keep = (e: unknown): void => {
    errors.push(e instanceof Error ? `${e.message} ${JSON.stringify(e)}` : String(e));
  };

  const appids = await harness.onboard(3);
  collect();
  for (const appid of appids) await harness.api.getVersionInfo(appid);
  // Tokens replaced behind our back, transient faults, a revoked merchant, a lost refresh token: the messy day.
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
  await harness.control('POST', '/faults', { path: '/wxa/getversioninfo', kind: 'errcode', errcode: -1, count: 1 });
  await Promise.all(appids.map((a) => harness.api.getVersionInfo(a)));
  collect();
  await harness.control('POST', '/merchant/revoke', { appid: appids[0] });
  await harness.api.getVersionInfo(appids[0] ?? '').catch(keep);
  await harness.vault.delete(authorizerRefreshTokenName(appids[1] ?? ''));
  await harness.vault.delete(authorizerAccessTokenName(appids[1] ?? ''));
  await harness.api.getVersionInfo(appids[1] ?? '');
  await harness.api
    .commit(appids[2] ?? '', { template_id: 999999, ext_json: '{}', user_version: '1.0.0', user_desc: 'x' })
    .catch(keep);
  await harness.http
    .raw(
      {
        method: 'POST',
        path: '/cgi-bin/component/api_query_auth',
        tokenClass: 'component',
        body: { component_appid: harness.platform.componentAppid, authorization_code: 'bogus' },
      },
      'some-token-value-123',
    )
    .catch(keep);
  secrets.add('some-token-value-123');
  collect();
  expect(errors.length).toBeGreaterThanOrEqual(3);

  const haystacks: Array<[string, Buffer]> = [];
  for (const file of await filesUnder(harness.paths.dir)) haystacks.push([file, await readFile(file)]);
  // The profile's log files are among them, and the failed calls above were logged.
  expect((await harness.log()).some((l) => l.level === 'warn' || l.level === 'error')).toBe(true);
  expect(haystacks.some(([file]) => file.endsWith('wxfleet.log'))).toBe(true);
  haystacks.push(['errors', Buffer.from(errors.join('\n'))]);
  expect(haystacks.length).toBeGreaterThan(5);
  expect(secrets.size).toBeGreaterThan(8);
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(8);
    for (const [where, data] of haystacks) {
      expect(data.includes(Buffer.from(secret)), `${where} contains a secret`).toBe(false);
    }
  }
});

it('after a full core run (relay, invitations, pushes, revocation, diagnosis) no secret is in the profile, logs or UI data', async () => {
  const world = await startWorld();
  try {
    const core = await world.startCore();
    const ctx = core.services;
    await waitFor(() => ctx.wechat.tickets.current() !== undefined, 'a ticket via the relay');
    const appids = await world.seedApps(2);
    const results: unknown[] = [];
    for (const appid of appids) {
      const inv = await invoke(core, 'invitations:create', { note: appid });
      await authorizeThroughInvitation(world, inv, appid, [17, 18, 19, 30]);
    }
    await waitFor(
      () => appids.every((a) => ctx.store.authorizers.data.byAppid[a]?.status === 'authorized'),
      'authorized',
    );
    await world.control('POST', '/pushes/ticket');
    for (const appid of appids) await ctx.wechat.api.getVersionInfo(appid);
    const secrets = new Set<string>([
      world.sim.platform.componentAppsecret,
      world.sim.platform.encodingAESKey,
      world.sim.platform.token,
      world.deviceToken,
    ]);
    const collect = (): void => {
      for (const name of ctx.vault.names()) {
        const value = ctx.vault.get(name);
        if (typeof value === 'string') secrets.add(value);
        else if (value && typeof value === 'object' && 'value' in value) secrets.add(value.value);
      }
    };
    collect();
    await world.control('POST', '/merchant/revoke', { appid: appids[0] });
    await waitFor(() => ctx.store.authorizers.data.byAppid[appids[0] ?? '']?.status === 'revoked', 'revoked');
    results.push(await invoke(core, 'settings:testConnection'));
    results.push(await invoke(core, 'settings:get'));
    results.push(await invoke(core, 'overview:get'));
    results.push(await invoke(core, 'events:list', {}));
    results.push(await invoke(core, 'invitations:list'));
    results.push(await invoke(core, 'authorizers:get', appids[1] ?? ''));
    collect();
    await core.stop();

    const haystacks: Array<[string, Buffer]> = [];
    for (const file of await filesUnder(world.root)) haystacks.push([file, await readFile(file)]);
    expect(haystacks.some(([file]) => file.endsWith('wxfleet.log'))).toBe(true);
    haystacks.push(['emitted to the renderer', Buffer.from(JSON.stringify(world.emitted))]);
    haystacks.push(['handler results', Buffer.from(JSON.stringify(results))]);
    expect(haystacks.length).toBeGreaterThan(8);
    // appsecret, AES key, Token, device token, ticket, component token, 2 authorizer tokens + refresh tokens.
    expect(secrets.size).toBeGreaterThanOrEqual(9);
    for (const secret of secrets) {
      for (const [where, data] of haystacks) {
        expect(data.includes(Buffer.from(secret)), `${where} contains a secret`).toBe(false);
      }
    }
  } finally {
    await world.close();
  }
}, 60_000);
