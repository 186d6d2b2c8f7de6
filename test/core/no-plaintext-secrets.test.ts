import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { authorizerAccessTokenName, authorizerRefreshTokenName } from '../../src-main/core/vault/secret-names.js';
import type { Harness } from './helpers/core-harness.js';
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
  haystacks.push(['log', Buffer.from(JSON.stringify(harness.logger.records))]);
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
