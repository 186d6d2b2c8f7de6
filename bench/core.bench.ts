import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realProfileConfig } from '../src-main/core/app/app-config.js';
import { createApp } from '../src-main/core/app/create-app.js';
import { profilePaths } from '../src-main/core/platform/fs/profile-paths.js';
import { silentLogger } from '../src-main/core/platform/log/logger.js';
import { systemClock } from '../src-main/core/platform/clock/clock.js';
import { openStore } from '../src-main/core/platform/store/store.js';
import type { Keychain } from '../src-main/core/platform/vault/keychain.js';
import { openVault } from '../src-main/core/platform/vault/vault.js';
import { authorizerRefreshTokenName } from '../src-main/core/platform/vault/secret-names.js';
import type { BenchRow } from './bench-row.js';

const ROUNDS = 7;

/** The OS keychain is not what is measured here: a map stands in for it. */
function memoryKeychain(): Keychain {
  const entries = new Map<string, string>();
  return {
    getPassword: async (service, account) => entries.get(`${service}/${account}`) ?? null,
    setPassword: async (service, account, password) => void entries.set(`${service}/${account}`, password),
    deletePassword: async (service, account) => entries.delete(`${service}/${account}`),
  };
}

async function seed(root: string, keychain: Keychain, count: number): Promise<void> {
  const paths = profilePaths(root, 'bench');
  const deps = { logger: silentLogger, clock: systemClock };
  const vault = await openVault({ paths, keychain, ...deps });
  const store = await openStore({ dir: paths.storeDir, ...deps });
  const now = Date.now();
  await store.authorizers.update((d) => {
    for (let i = 0; i < count; i++) {
      const appid = `wx${i.toString(16).padStart(16, '0')}`;
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
    }
  });
  await store.authorizerExtras.update((d) => {
    for (const appid of Object.keys(store.authorizers.data.byAppid)) {
      d.byAppid[appid] = { tags: ['bench'], headImg: `https://example.com/${appid}.png`, syncedAt: now };
    }
  });
  for (const appid of Object.keys(store.authorizers.data.byAppid)) {
    await vault.set(authorizerRefreshTokenName(appid), `refreshtoken@@@${appid}-${'x'.repeat(40)}`);
  }
}

async function coldStartMs(count: number): Promise<number> {
  const root = await mkdtemp(join(tmpdir(), 'wxfleet-bench-core-'));
  const keychain = memoryKeychain();
  try {
    await seed(root, keychain, count);
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      const app = await createApp(realProfileConfig(root, 'bench', 'bench'), { keychain, emit: () => undefined });
      await app.start();
      times.push(performance.now() - start);
      await app.stop();
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const empty = await coldStartMs(0);
  const thousand = await coldStartMs(1000);
  return [
    { name: 'core cold start, empty profile', value: empty, unit: 'ms', goal: '< 200 ms' },
    { name: 'core cold start, 1,000 mini-programs stored', value: thousand, unit: 'ms', goal: '< 500 ms' },
  ];
}
