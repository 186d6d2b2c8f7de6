import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { RelayOptions } from '../../src/settings.js';
import { TEST_TOKEN } from './pusher.js';

export interface TestRelay {
  app: FastifyInstance;
  /** http://127.0.0.1:PORT, empty until listen() */
  url: string;
  wsUrl: string;
  dataDir: string;
  addDevice(name: string): string;
  close(): Promise<void>;
}

let swept = false;

/** Removes what earlier runs left behind (their workers are killed, so exit hooks do not run); hours old only. */
export function sweepStale(dir: string, prefix: string, olderThanMs = 3_600_000): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const path = join(dir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > olderThanMs) rmSync(path, { recursive: true, force: true });
    } catch {
      // raced with another run's sweep
    }
  }
}

/** A fresh directory under the OS temp dir. */
export function tempDir(prefix = 'wxfleet-relay-'): string {
  if (!swept) {
    swept = true;
    sweepStale(tmpdir(), 'wxfleet-relay-');
  }
  return mkdtempSync(join(tmpdir(), prefix));
}

/** An in-process relay on 127.0.0.1:0 (or only built, for inject tests) with a fresh data dir. */
export async function startRelay(overrides: Partial<RelayOptions> = {}, listen = true): Promise<TestRelay> {
  const dataDir = overrides.dataDir ?? tempDir();
  const app = await buildApp({
    dataDir,
    wechatTokens: [TEST_TOKEN],
    publicUrl: 'http://127.0.0.1',
    // Tests across the repo sign pushes with fixed 2024 timestamps or move the simulator's clock forward by days,
    // and push through this relay: in-process test relays accept any timestamp. The relay's own tolerance tests
    // set it explicitly; the CLI (and so every child-process relay) keeps the production default.
    push: { timestampToleranceMs: Number.MAX_SAFE_INTEGER },
    // Every client of an in-process relay is 127.0.0.1 (merchant browser, flood and desktop alike): a per-IP limit
    // would model nothing. The relay's own rate-limit tests set the limits explicitly.
    rateLimit: { perIp: 1_000_000 },
    ...overrides,
  });
  let url = '';
  if (listen) url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    url,
    wsUrl: url.replace(/^http/, 'ws') + '/ws',
    dataDir,
    addDevice: (name) => app.relay.store.devices.add(name),
    close: async () => {
      await app.close();
      if (overrides.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
