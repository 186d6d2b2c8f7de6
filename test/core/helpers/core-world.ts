import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelay } from '../../../relay/test/helpers/relay-fixture.js';
import type { TestRelay } from '../../../relay/test/helpers/relay-fixture.js';
import type { RunningSimulator, SimulatorConfigInput } from '../../../simulator/src/index.js';
import { defaultConfig, startSimulator } from '../../../simulator/src/index.js';
import type { InvokeChannel, InvokeMap } from '../../../src-main/contract/ipc.js';
import type { AppConfig } from '../../../src-main/core/app/app-config.js';
import type { App } from '../../../src-main/core/app/create-app.js';
import { createApp } from '../../../src-main/core/app/create-app.js';
import { LOG_FILE_NAME } from '../../../src-main/core/platform/log/profile-log.js';
import { keytarKeychain } from '../../../src-main/core/platform/vault/keytar-keychain.js';
import type { Emitted, LogLine } from '../../helpers/test-app.js';
import { readLog, testConfig, testKeychainService } from '../../helpers/test-app.js';

export type { Emitted } from '../../helpers/test-app.js';

export interface World {
  relay: TestRelay;
  sim: RunningSimulator;
  deviceToken: string;
  root: string;
  keychainService: string;
  emitted: Emitted[];
  /** The config of this world's profile (a child process builds its app from the same). */
  config(): AppConfig;
  /** Starts an app and, the first time, configures it (platform, relay, egress through the relay tunnel). */
  startCore(configure?: boolean): Promise<App>;
  /** The log of the profile, every file, as written so far. */
  log(): Promise<LogLine[]>;
  control<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  calls(path?: string): Promise<{ path: string; errcode: number }[]>;
  seedApps(count: number): Promise<string[]>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const invoke = <C extends InvokeChannel>(
  core: Pick<App, 'handlers'>,
  channel: C,
  ...args: InvokeMap[C]['args']
): Promise<InvokeMap[C]['result']> => {
  const handler = core.handlers[channel] as (...a: InvokeMap[C]['args']) => Promise<InvokeMap[C]['result']>;
  return handler(...args);
};

/** Real relay and simulator on loopback, wired as in production: pushes to the relay, the launch page on its host. */
export async function startWorld(sim: SimulatorConfigInput = {}, options: { seed?: 'demo' } = {}): Promise<World> {
  const platform = defaultConfig().platform;
  const simPort = await freePort();
  const relay = await startRelay({
    wechatTokens: [platform.token],
    tunnel: { allow: [`127.0.0.1:${simPort}`] },
    ws: { pingIntervalMs: 1_000, sweepIntervalMs: 50 },
  });
  const running = await startSimulator({
    port: simPort,
    ...(options.seed ? { seed: options.seed } : {}),
    config: {
      ...sim,
      launchDomain: new URL(relay.url).host,
      push: {
        ticketOnStart: true,
        retries: 1,
        retryDelayMs: 200,
        ...sim.push,
        componentEventUrl: `${relay.url}/wechat/component`,
        messageUrlTemplate: `${relay.url}/wechat/app/$APPID$`,
      },
    },
  });
  const deviceToken = relay.addDevice('desk');
  const root = await mkdtemp(join(tmpdir(), 'wxfleet-world-'));
  const keychainService = testKeychainService();
  const emitted: Emitted[] = [];
  const cores: App[] = [];
  const config = (): AppConfig =>
    testConfig({
      root,
      simUrl: running.url,
      keychainService,
      relay: { backoff: { initialMs: 50, maxMs: 500 }, pingIntervalMs: 1_000, stopTimeoutMs: 2_000 },
      wechat: { retry: { baseDelayMs: 5 } },
      release: { scanPollMs: 300, auditPollMs: 60_000, progressThrottleMs: 100 },
    });

  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${running.url}/__sim${path}`, {
      method,
      headers: { 'X-Sim-Key': running.controlKey, 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  const world: World = {
    relay,
    sim: running,
    deviceToken,
    root,
    keychainService,
    emitted,
    config,
    async startCore(configure = true) {
      const core = await createApp(config(), {
        keychain: keytarKeychain(),
        emit: (channel, payload) => void emitted.push({ channel, payload } as Emitted),
      });
      cores.push(core);
      await core.start();
      if (configure) {
        await invoke(core, 'settings:savePlatform', {
          componentAppid: running.platform.componentAppid,
          appsecret: running.platform.componentAppsecret,
          token: running.platform.token,
          encodingAESKey: running.platform.encodingAESKey,
        });
        await invoke(core, 'settings:savePreferences', { egress: 'relay', language: 'en' });
        await invoke(core, 'settings:saveRelay', { url: relay.url, deviceToken });
      }
      return core;
    },
    log: () => readLog({ logPath: join(root, 'profiles', 'acme', 'logs', LOG_FILE_NAME), config: config() }),
    control,
    async calls(path) {
      const { calls } = await control<{ calls: { path: string; errcode: number }[] }>('GET', '/calls?limit=100000');
      return path ? calls.filter((c) => c.path === path) : calls;
    },
    async seedApps(count) {
      const merchants = Array.from({ length: count }, (_, i) => ({
        name: `Merchant ${i}`,
        apps: [{ nickName: `Shop ${i}` }],
      }));
      const added = await control<{ merchants: { apps: string[] }[] }>('POST', '/merchants', { merchants });
      return added.merchants.flatMap((m) => m.apps);
    },
    async close() {
      for (const core of cores) await core.stop();
      await running.close();
      await relay.close();
      await keytarKeychain()
        .deletePassword(keychainService, 'acme')
        .catch(() => false);
      await rm(root, { recursive: true, force: true });
    },
  };
  return world;
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
