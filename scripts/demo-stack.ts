/**
 * Simulator + relay + console host on loopback, wired together the way an agency wires WeChat, its relay and its
 * desktop. Used by `npm run demo`, the end-to-end tests and the renderer benchmark.
 */
import type { Result } from '../src-main/contract/result';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../relay/src/server.js';
import { openStore as openRelayStore } from '../relay/src/store/relay-store.js';
import { startSimulator } from '../simulator/src/index.js';
import type { SimulatorConfigInput } from '../simulator/src/index.js';
import type { AppConfig } from '../src-main/core/app/app-config.js';
import type { Keychain } from '../src-main/core/platform/vault/keychain.js';
import { startConsoleHost } from '../src-main/web-host/console-host.js';
import type { ConsoleHost } from '../src-main/web-host/console-host.js';
import { demoConfig } from './demo-config.js';

export interface DemoStackOptions {
  profileDir: string;
  keychain: Keychain;
  rendererDir: string;
  /** Enter the platform credentials, relay URL, device token and egress as a user would in Settings. */
  prewire: boolean;
  hostPort?: number;
  sim?: SimulatorConfigInput;
  /** Changes to the demo's config (a test's own keychain service, say). */
  config?: (config: AppConfig) => AppConfig;
  /** `process` when the stack is the process (the demo command). */
  crashes?: NodeJS.Process;
}

export interface DemoStack {
  simUrl: string;
  simControlKey: string;
  relayUrl: string;
  deviceToken: string;
  platform: { componentAppid: string; componentAppsecret: string; token: string; encodingAESKey: string };
  /** The console's runtime config (the Electron window the demo opens reads it from a file). */
  config: AppConfig;
  host: ConsoleHost;
  /** Calls the simulator's control API. */
  control<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

const { version: DEMO_VERSION } = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')) as {
  version: string;
};

export const DEMO_TIMINGS: SimulatorConfigInput = {
  ticketIntervalSeconds: 30,
  privacyScanSeconds: 3,
  audit: { durationSeconds: 20 },
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const cleanups: (() => Promise<void>)[] = [];
  let closing: Promise<void> | null = null;
  // Once, however often it is asked: the last started part stops first.
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    })());
  try {
    // The relay must know the simulator's host:port (tunnel allow-list) and the simulator the relay's (push URLs),
    // so the simulator's port is reserved first.
    const simPort = await freePort();
    const wechatToken = 'wxfleetdemotoken';
    const relayDir = await mkdtemp(join(tmpdir(), 'wxfleet-demo-relay-'));
    cleanups.push(() => rm(relayDir, { recursive: true, force: true }));
    const relayStore = openRelayStore(relayDir);
    const deviceToken = relayStore.devices.add('demo-desktop');
    await relayStore.close();
    const relayPort = await freePort();
    const relayUrl = `http://127.0.0.1:${relayPort}`;
    const relay = await startServer({
      host: '127.0.0.1',
      port: relayPort,
      dataDir: relayDir,
      wechatTokens: [wechatToken],
      publicUrl: relayUrl,
      tunnel: { allow: [`127.0.0.1:${simPort}`] },
      // The simulator's clock can be moved forward (control API): its pushes are signed with that clock.
      push: { timestampToleranceMs: Number.MAX_SAFE_INTEGER },
    });
    cleanups.push(() => relay.stop());

    const sim = await startSimulator({
      port: simPort,
      seed: 'demo',
      config: {
        ...DEMO_TIMINGS,
        ...options.sim,
        audit: { ...DEMO_TIMINGS.audit, ...options.sim?.audit },
        platform: { token: wechatToken },
        launchDomain: `127.0.0.1:${relayPort}`,
        push: {
          componentEventUrl: `${relayUrl}/wechat/component`,
          messageUrlTemplate: `${relayUrl}/wechat/app/$APPID$`,
          retryDelayMs: 500,
        },
      },
    });
    cleanups.push(() => sim.close());

    const base = demoConfig({ profileDir: options.profileDir, simUrl: sim.url, version: DEMO_VERSION });
    const config = options.config ? options.config(base) : base;
    const host = await startConsoleHost({
      config,
      keychain: options.keychain,
      rendererDir: options.rendererDir,
      ...(options.hostPort ? { port: options.hostPort } : {}),
      ...(options.crashes ? { crashes: options.crashes } : {}),
    });
    cleanups.push(() => host.close());

    if (options.prewire) {
      const must = async (result: Promise<Result<unknown>>): Promise<void> => {
        const outcome = await result;
        if (!outcome.ok) throw new Error(`pre-wiring the demo profile failed: ${JSON.stringify(outcome.error)}`);
      };
      await must(
        host.invoke('settings:savePlatform', {
          componentAppid: sim.platform.componentAppid,
          appsecret: sim.platform.componentAppsecret,
          token: sim.platform.token,
          encodingAESKey: sim.platform.encodingAESKey,
        }),
      );
      await must(host.invoke('settings:savePreferences', { egress: 'relay' }));
      await must(host.invoke('settings:saveRelay', { url: relayUrl, deviceToken }));
    }

    const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${sim.url}/__sim${path}`, {
        method,
        headers: { 'X-Sim-Key': sim.controlKey, 'Content-Type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const json = (await res.json()) as T;
      if (!res.ok) throw new Error(`simulator ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };

    return {
      simUrl: sim.url,
      simControlKey: sim.controlKey,
      relayUrl,
      deviceToken,
      platform: sim.platform,
      config,
      host,
      control,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
