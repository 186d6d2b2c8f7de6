/**
 * A core in its own process, for the crash test: `node --import tsx core-child.ts '<json>'`. It connects, applies
 * pushes and keeps forcing token refreshes until it is killed. Prints `ready` once connected.
 */
import { createCore } from '../../../src-main/core/app/core.js';
import { createLogger } from '../../../src-main/core/platform/log/logger.js';
import { keytarKeychain } from '../../../src-main/core/platform/vault/keytar-keychain.js';
import { authorizerAccessTokenName } from '../../../src-main/core/platform/vault/secret-names.js';

interface ChildConfig {
  root: string;
  keychainService: string;
  simUrl: string;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const lines: string[] = [];
const core = await createCore({
  profileDir: config.root,
  profile: 'acme',
  keychain: keytarKeychain(),
  keychainService: config.keychainService,
  wechatBaseUrl: config.simUrl,
  logger: createLogger((r) => void lines.push(JSON.stringify(r))),
  emit: () => undefined,
  relayTuning: { backoff: { initialMs: 20, maxMs: 200 }, pingIntervalMs: 1_000, stopTimeoutMs: 500 },
  stackTuning: { retry: { baseDelayMs: 5 } },
});
const ctx = core.context;
const started = Date.now();
while (ctx.relay?.status().state !== 'connected') {
  if (Date.now() - started > 10_000) throw new Error('child never connected');
  await new Promise((r) => setTimeout(r, 10));
}
process.stdout.write('ready\n');

// Token refreshes as fast as they go: drop the cached token, then ask for one (a refresh through WeChat).
for (;;) {
  const authorized = Object.values(ctx.store.authorizers.data.byAppid).filter((a) => a.status === 'authorized');
  for (const a of authorized) {
    const cached = ctx.vault.get(authorizerAccessTokenName(a.appid));
    if (cached) ctx.wechat.authorizers.tokenFailed(a.appid, cached.value);
    await ctx.wechat.authorizers.token(a.appid).catch(() => undefined);
  }
  const component = ctx.vault.get('component.accessToken');
  if (component && Date.now() - component.obtainedAt > 100) ctx.wechat.component.tokenFailed(component.value);
  await ctx.wechat.component.token().catch(() => undefined);
  await new Promise((r) => setTimeout(r, 1));
}
