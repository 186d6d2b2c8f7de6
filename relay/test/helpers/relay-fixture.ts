import { mkdtempSync, rmSync } from 'node:fs';
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

const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory, removed when the test process exits. */
export function tempDir(prefix = 'wxfleet-relay-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** An in-process relay on 127.0.0.1:0 (or only built, for inject tests) with a fresh data dir. */
export async function startRelay(overrides: Partial<RelayOptions> = {}, listen = true): Promise<TestRelay> {
  const dataDir = overrides.dataDir ?? tempDir();
  const app = await buildApp({ dataDir, wechatTokens: [TEST_TOKEN], publicUrl: 'http://127.0.0.1', ...overrides });
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
