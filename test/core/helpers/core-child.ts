/**
 * An app in its own process, for the crash test: `node --import tsx core-child.ts '<config json>'`. It connects,
 * applies pushes and keeps forcing token refreshes until it is killed. Prints `ready` once connected.
 */
import type { AppConfig } from '../../../src-main/core/app/app-config.js';
import { createApp } from '../../../src-main/core/app/create-app.js';
import { keytarKeychain } from '../../../src-main/core/platform/vault/keytar-keychain.js';
import { authorizerAccessTokenName } from '../../../src-main/core/platform/vault/secret-names.js';

const config = JSON.parse(process.argv[2] ?? '{}') as AppConfig;
let connected: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (connected = resolve));
const app = await createApp(config, {
  keychain: keytarKeychain(),
  emit: (channel, payload) => {
    if (channel === 'relay:status' && (payload as { state: string }).state === 'connected') connected();
  },
});
await app.start();
await ready;
process.stdout.write('ready\n');

// Token refreshes as fast as they go: drop the cached token, then ask for one (a refresh through WeChat).
const { store, vault, wechat } = app.services;
for (;;) {
  const authorized = Object.values(store.authorizers.data.byAppid).filter((a) => a.status === 'authorized');
  for (const a of authorized) {
    const cached = vault.get(authorizerAccessTokenName(a.appid));
    if (cached) wechat.authorizers.tokenFailed(a.appid, cached.value);
    await wechat.authorizers.token(a.appid).catch(() => undefined);
  }
  const component = vault.get('component.accessToken');
  if (component && Date.now() - component.obtainedAt > 100) wechat.component.tokenFailed(component.value);
  await wechat.component.token().catch(() => undefined);
  await new Promise((r) => setTimeout(r, 1));
}
