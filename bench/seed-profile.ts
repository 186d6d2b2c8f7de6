import { profilePaths } from '../src-main/core/platform/fs/profile-paths.js';
import { silentLogger } from '../src-main/core/platform/log/logger.js';
import { systemClock } from '../src-main/core/platform/clock/clock.js';
import { openStore } from '../src-main/core/platform/store/store.js';
import type { Keychain } from '../src-main/core/platform/vault/keychain.js';
import { openVault } from '../src-main/core/platform/vault/vault.js';
import { authorizerRefreshTokenName } from '../src-main/core/platform/vault/secret-names.js';

/** The OS keychain is not what is measured: a map stands in for it; `entries` hands it to another process. */
export function memoryKeychain(initial: Record<string, string> = {}): Keychain & { entries(): Record<string, string> } {
  const entries = new Map<string, string>(Object.entries(initial));
  return {
    getPassword: async (service, account) => entries.get(`${service}/${account}`) ?? null,
    setPassword: async (service, account, password) => void entries.set(`${service}/${account}`, password),
    deletePassword: async (service, account) => entries.delete(`${service}/${account}`),
    entries: () => Object.fromEntries(entries),
  };
}

export const benchAppid = (i: number): string => `wx${i.toString(16).padStart(16, '0')}`;

/** A profile with `count` authorized mini-programs, their extras and their refresh tokens in the vault. */
export async function seedProfile(root: string, profile: string, keychain: Keychain, count: number): Promise<void> {
  const paths = profilePaths(root, profile);
  const deps = { logger: silentLogger, clock: systemClock };
  const vault = await openVault({ paths, keychain, ...deps });
  const store = await openStore({ dir: paths.storeDir, ...deps });
  const now = Date.now();
  const appids = Array.from({ length: count }, (_, i) => benchAppid(i));
  await store.authorizers.update((d) => {
    appids.forEach((appid, i) => {
      d.byAppid[appid] = {
        appid,
        nickname: `Shop ${i}`,
        userName: `gh_${i.toString(16).padStart(12, '0')}`,
        principal: `Merchant ${i} Co., Ltd.`,
        funcInfo: [17, 18, 19, 30],
        status: 'authorized',
        statusReason: null,
        authTime: Math.floor(now / 1000),
        updatedAt: now,
      };
    });
  });
  await store.authorizerExtras.update((d) => {
    for (const appid of appids)
      d.byAppid[appid] = { tags: ['bench'], headImg: `https://example.com/${appid}.png`, syncedAt: now };
  });
  // Concurrent sets coalesce into a few writes of the vault file.
  await Promise.all(
    appids.map((appid) => vault.set(authorizerRefreshTokenName(appid), `refreshtoken@@@${appid}-${'x'.repeat(40)}`)),
  );
}
