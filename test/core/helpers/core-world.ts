import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelay } from '../../../relay/test/helpers/relay-fixture.js';
import type { TestRelay } from '../../../relay/test/helpers/relay-fixture.js';
import type { RunningSimulator, SimulatorConfigInput } from '../../../simulator/src/index.js';
import { defaultConfig, startSimulator } from '../../../simulator/src/index.js';
import type { EventChannel, EventMap, InvokeChannel, InvokeMap } from '../../../src-main/contract/ipc.js';
import type { Core, CoreOptions } from '../../../src-main/core/app/core.js';
import { createCore } from '../../../src-main/core/app/core.js';
import { memoryLogger } from '../../../src-main/core/platform/log/logger.js';
import { keytarKeychain } from '../../../src-main/core/platform/vault/keytar-keychain.js';

export type Emitted = { [C in EventChannel]: { channel: C; payload: EventMap[C] } }[EventChannel];

export interface World {
  relay: TestRelay;
  sim: RunningSimulator;
  deviceToken: string;
  root: string;
  keychainService: string;
  logger: ReturnType<typeof memoryLogger>;
  emitted: Emitted[];
  /** Options for a core of this world (a child process builds the same from them). */
  coreOptions(): CoreOptions;
  /** Starts a core and, the first time, configures it (platform, relay, egress through the relay tunnel). */
  startCore(configure?: boolean): Promise<Core>;
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
  core: Core,
  channel: C,
  ...args: InvokeMap[C]['args']
): Promise<InvokeMap[C]['result']> => {
  const handler = core.handlers[channel] as
    ((...a: InvokeMap[C]['args']) => Promise<InvokeMap[C]['result']>) | undefined;
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(...args);
};

/** Real relay and simulator on loopback, wired as in production: pushes to the relay, the launch page on its host. */
export async function startWorld(sim: SimulatorConfigInput = {}): Promise<World> {
  const platform = defaultConfig().platform;
  const simPort = await freePort();
  const relay = await startRelay({
    wechatTokens: [platform.token],
    tunnel: { allow: [`127.0.0.1:${simPort}`] },
    ws: { pingIntervalMs: 1_000, sweepIntervalMs: 50 },
  });
  const running = await startSimulator({
    port: simPort,
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
  const keychainService = `wxfleet-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const logger = memoryLogger();
  const emitted: Emitted[] = [];
  const cores: Core[] = [];

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
    logger,
    emitted,
    coreOptions: () => ({
      profileDir: root,
      profile: 'acme',
      keychain: keytarKeychain(),
      keychainService,
      logger,
      wechatBaseUrl: running.url,
      emit: (channel, payload) => void emitted.push({ channel, payload } as Emitted),
      relayTuning: { backoff: { initialMs: 50, maxMs: 500 }, pingIntervalMs: 1_000, stopTimeoutMs: 2_000 },
      stackTuning: { retry: { baseDelayMs: 5 } },
    }),
    async startCore(configure = true) {
      const core = await createCore(world.coreOptions());
      cores.push(core);
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
      for (const core of cores) await core.close().catch(() => undefined);
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
