import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DEMO_PROFILE } from '../../scripts/demo-config.js';
import { startDemoStack } from '../../scripts/demo-stack.js';
import type { InvokeChannel, InvokeMap } from '../../src-main/contract/ipc.js';
import { keytarKeychain } from '../../src-main/core/platform/vault/keytar-keychain.js';
import {
  authorizerAccessTokenName,
  authorizerRefreshTokenName,
} from '../../src-main/core/platform/vault/secret-names.js';
import type { Harness } from './helpers/core-harness.js';
import { invoke, startWorld, waitFor } from './helpers/core-world.js';
import { authorizeThroughInvitation } from './helpers/merchant.js';
import { startHarness } from './helpers/core-harness.js';
import { applyGuidesThroughConsole } from '../e2e/console-guide.js';
import { addSecret, findSecret, recordVaultWrites } from './helpers/secret-search.js';

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
  // Every value ever written, so tokens rotated away during the run are searched for too.
  recordVaultWrites(harness.vault, secrets);
  const collect = (): void => {
    for (const name of harness.vault.names()) addSecret(secrets, harness.vault.get(name));
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
  // Rotations happened and were seen: more component and authorizer tokens than the vault holds at the end.
  expect(secrets.size).toBeGreaterThan(new Set(harness.vault.names()).size + 3);
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(8);
    for (const [where, data] of haystacks) expect(findSecret(data, secret), `${where} contains a secret`).toBeNull();
  }
});

it('after a full core run (relay, invitations, pushes, revocation, diagnosis) no secret is in the profile, logs or UI data', async () => {
  const world = await startWorld();
  try {
    const core = await world.startCore();
    const ctx = core.services;
    await waitFor(() => ctx.wechat.tickets.current() !== undefined, 'a ticket via the relay');
    const rotated = new Set<string>();
    recordVaultWrites(ctx.vault, rotated);
    const appids = await world.seedApps(2);
    const results: unknown[] = [];
    // Single-use codes are secrets too: the pre_auth_code of each link, the auth_code each grant pushed.
    const codes = new Set<string>();
    for (const appid of appids) {
      const inv = await invoke(core, 'invitations:create', { note: appid });
      const link = await ctx.onboarding.invitations.authorizationUrl({ inviteId: inv.id, variant: 'pc' });
      codes.add(new URL(link).searchParams.get('pre_auth_code') ?? '');
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
      for (const name of ctx.vault.names()) addSecret(secrets, ctx.vault.get(name));
      for (const value of rotated) secrets.add(value);
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
    const { pushes } = await world.control<{ pushes: { xml?: string }[] }>('GET', '/pushes?limit=1000');
    for (const push of pushes)
      for (const [, code] of (push.xml ?? '').matchAll(/<AuthorizationCode><!\[CDATA\[([^\]]+)\]\]>/g))
        codes.add(code ?? '');
    expect(codes.size).toBeGreaterThanOrEqual(4);
    for (const code of codes) if (code.length >= 8) secrets.add(code);

    const haystacks: Array<[string, Buffer]> = [];
    for (const file of await filesUnder(world.root)) haystacks.push([file, await readFile(file)]);
    expect(haystacks.some(([file]) => file.endsWith('wxfleet.log'))).toBe(true);
    haystacks.push(['emitted to the renderer', Buffer.from(JSON.stringify(world.emitted))]);
    haystacks.push(['handler results', Buffer.from(JSON.stringify(results))]);
    expect(haystacks.length).toBeGreaterThan(8);
    // appsecret, AES key, Token, device token, ticket, component token, 2 authorizer tokens + refresh tokens.
    expect(secrets.size).toBeGreaterThanOrEqual(9);
    for (const secret of secrets) {
      for (const [where, data] of haystacks) expect(findSecret(data, secret), `${where} contains a secret`).toBeNull();
    }
  } finally {
    await world.close();
  }
}, 60_000);

it('after the demo has run a deploy, the profile holds a log file with the job and no secret', async () => {
  const profileDir = await mkdtemp(join(tmpdir(), 'wxfleet-demo-log-'));
  const keychainService = `wxfleet-demo-log-${process.pid}`;
  const stack = await startDemoStack({
    profileDir,
    keychain: keytarKeychain(),
    rendererDir: join(import.meta.dirname, '../../out/renderer'),
    prewire: true,
    config: (demo) => ({ ...demo, vault: { ...demo.vault, keychainService } }),
  });
  const written = new Set<string>();
  recordVaultWrites(stack.host.app.services.vault, written);
  try {
    const call = async <C extends InvokeChannel>(channel: C, ...args: InvokeMap[C]['args']) => {
      const result = await stack.host.invoke(channel, ...args);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value;
    };
    // The demo's first sync finds the merchants who authorized before the desktop existed.
    const rows = await call('authorizers:sync', null);
    const targets = rows.filter((r) => r.status === 'authorized' && r.canManageCode).map((r) => r.appid);
    expect(targets.length).toBeGreaterThanOrEqual(2);
    await applyGuidesThroughConsole(
      stack.host.invoke as Parameters<typeof applyGuidesThroughConsole>[0],
      targets.slice(0, 2),
    );
    const library = await call('templates:sync');
    const draft = library.drafts.find((d) => d.userVersion === '2.1.1') ?? library.drafts[0];
    const { templateId } = await call('templates:addDraft', draft?.draftId ?? 0);
    const job = await call('jobs:startDeploy', {
      templateId,
      appids: targets.slice(0, 2),
      userVersion: '2.1.1',
      userDesc: 'demo log',
      canary: 0,
      autoRelease: true,
    });
    const items = async () => (await call('jobs:get', job.id)).items;
    await waitFor(async () => (await items()).every((i) => i.state === 'auditing'), 'under audit', 60_000);
    await stack.control('POST', '/clock/advance', { seconds: 30 });
    await waitFor(async () => (await call('jobs:get', job.id)).status === 'finished', 'the deploy finished', 60_000);
    const vault = stack.host.app.services.vault;
    const secrets = new Set<string>([stack.deviceToken, stack.platform.componentAppsecret, stack.platform.token]);
    secrets.add(stack.platform.encodingAESKey);
    for (const name of vault.names()) addSecret(secrets, vault.get(name));
    for (const value of written) secrets.add(value);
    await stack.close();

    const logs = (await filesUnder(profileDir)).filter((f) => f.includes('/logs/'));
    expect(logs.length).toBeGreaterThan(0);
    const text = (await Promise.all(logs.map((f) => readFile(f, 'utf8')))).join('');
    const lines = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg: string; jobId?: string });
    expect(lines.filter((l) => l.jobId === job.id).map((l) => l.msg)).toEqual(
      expect.arrayContaining(['job started', 'job finished']),
    );
    const logData = Buffer.from(text);
    for (const secret of secrets)
      if (secret.length >= 8) expect(findSecret(logData, secret), 'a log holds a secret').toBeNull();
  } finally {
    await stack.close();
    await keytarKeychain()
      .deletePassword(keychainService, DEMO_PROFILE)
      .catch(() => false);
    await rm(profileDir, { recursive: true, force: true });
  }
}, 150_000);
