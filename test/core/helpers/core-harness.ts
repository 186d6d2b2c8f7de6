import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WxCrypt } from '@wxfleet/protocol';
import type { SimulatorConfigInput } from '../../../simulator/src/index.js';
import { startSimulator } from '../../../simulator/src/index.js';
import type { App } from '../../../src-main/core/app/create-app.js';
import { createApp } from '../../../src-main/core/app/create-app.js';
import type { Clock } from '../../../src-main/core/platform/clock/clock.js';
import { systemClock } from '../../../src-main/core/platform/clock/clock.js';
import type { ProfilePaths } from '../../../src-main/core/platform/fs/profile-paths.js';
import type { Logger } from '../../../src-main/core/platform/log/logger.js';
import type { Store } from '../../../src-main/core/platform/store/store.js';
import { keytarKeychain } from '../../../src-main/core/platform/vault/keytar-keychain.js';
import type { Vault } from '../../../src-main/core/platform/vault/vault.js';
import type { ReleaseSettings } from '../../../src-main/core/release/release-settings.js';
import type { EgressConfig } from '../../../src-main/core/wechat/client/egress.js';
import type { WeChatStack } from '../../../src-main/core/wechat/wechat-stack.js';
import type { RetryOptions } from '../../../src-main/core/wechat/client/retry-policy.js';
import type { Emitted, LogLine } from '../../helpers/test-app.js';
import { readLog, testConfig, testKeychainService } from '../../helpers/test-app.js';
import type { TicketReceiver } from './ticket-receiver.js';
import { startTicketReceiver } from './ticket-receiver.js';

export interface CallRecord {
  at: string;
  method: string;
  path: string;
  ip: string;
  errcode: number;
}

export interface HarnessOptions {
  sim?: SimulatorConfigInput;
  clock?: Clock;
  /** Default: direct to the simulator. */
  egress?: (simUrl: string) => Promise<EgressConfig>;
  random?: () => number;
  retry?: Partial<RetryOptions>;
  release?: Partial<ReleaseSettings>;
}

/** The app of a test profile on the simulator (direct egress unless told), with its services at hand. */
export interface Harness extends Pick<
  WeChatStack,
  'http' | 'tickets' | 'component' | 'authorizers' | 'client' | 'api' | 'reconcile'
> {
  app: App;
  simUrl: string;
  platform: { componentAppid: string; componentAppsecret: string; token: string; encodingAESKey: string };
  root: string;
  paths: ProfilePaths;
  keychainService: string;
  logger: Logger;
  /** The profile's log, as written so far. */
  log(): Promise<LogLine[]>;
  emitted: Emitted[];
  vault: Vault;
  store: Store;
  receiver: TicketReceiver;
  control<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** The simulator's call log (its own witness of what reached "WeChat"), optionally for one path. */
  calls(path?: string): Promise<CallRecord[]>;
  /** Seeds merchants, authorizes them in the simulator and onboards them (api_query_auth, store record). */
  onboard(count: number): Promise<string[]>;
  /** Stops the app and opens the profile again in a new one, as a restart does (closed with the harness). */
  reopen(): Promise<App>;
  close(): Promise<void>;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const clock = opts.clock ?? systemClock;
  const receiver = await startTicketReceiver();
  const sim = await startSimulator({
    config: { ...opts.sim, push: { ticketOnStart: true, ...opts.sim?.push, componentEventUrl: receiver.url } },
  });
  receiver.crypt = new WxCrypt({
    token: sim.platform.token,
    encodingAESKey: sim.platform.encodingAESKey,
    appId: sim.platform.componentAppid,
  });
  const root = await mkdtemp(join(tmpdir(), 'wxfleet-core-'));
  const keychainService = testKeychainService();
  const config = testConfig({
    root,
    simUrl: sim.url,
    keychainService,
    wechat: opts.retry ? { retry: opts.retry } : {},
    ...(opts.release ? { release: opts.release } : {}),
  });
  const emitted: Emitted[] = [];
  const adapters = {
    keychain: keytarKeychain(),
    emit: (channel: Emitted['channel'], payload: Emitted['payload']) =>
      void emitted.push({ channel, payload } as Emitted),
    clock,
    ...(opts.random ? { random: opts.random } : {}),
  };
  const app = await createApp(config, adapters);
  const apps: App[] = [app];
  const { vault, store, wechat, settings } = app.services;
  await settings.savePlatform({
    componentAppid: sim.platform.componentAppid,
    appsecret: sim.platform.componentAppsecret,
    token: sim.platform.token,
    encodingAESKey: sim.platform.encodingAESKey,
  });
  const egress: EgressConfig = (await opts.egress?.(sim.url)) ?? { mode: 'direct' };
  if (egress.mode === 'relay') await settings.saveRelay({ url: egress.relayUrl, deviceToken: egress.deviceToken });
  await settings.savePreferences({ egress: egress.mode });
  await app.start();
  const componentAppid = (): string => store.settings.data.componentAppid;
  const { http, tickets, component, authorizers, client, api, reconcile } = wechat;
  receiver.onTicket = (ticket) => tickets.put(ticket, clock.now());
  // The simulator pushes its first ticket at start, before the app existed.
  if (receiver.latest) await tickets.put(receiver.latest, clock.now());

  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sim.url}/__sim${path}`, {
      method,
      headers: { 'X-Sim-Key': sim.controlKey, 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  const harness: Harness = {
    app,
    simUrl: sim.url,
    platform: sim.platform,
    root,
    paths: app.services.paths,
    keychainService,
    logger: app.services.logger,
    log: () => readLog(app),
    emitted,
    vault,
    store,
    http,
    tickets,
    component,
    authorizers,
    client,
    api,
    receiver,
    reconcile,
    control,
    async calls(path) {
      const { calls } = await control<{ calls: CallRecord[] }>('GET', '/calls?limit=100000');
      return path ? calls.filter((c) => c.path === path) : calls;
    },
    async onboard(count) {
      const merchants = Array.from({ length: count }, (_, i) => ({
        name: `Merchant ${i}`,
        apps: [{ nickName: `Shop ${i}` }],
      }));
      const added = await control<{ merchants: { apps: string[] }[] }>('POST', '/merchants', { merchants });
      const appids = added.merchants.flatMap((m) => m.apps);
      for (const appid of appids) {
        const { authCode } = await control<{ authCode: string }>('POST', '/merchant/authorize', { appid });
        const res = await api.apiQueryAuth({ component_appid: componentAppid(), authorization_code: authCode });
        const info = res.authorization_info;
        await authorizers.adopt(appid, {
          accessToken: info.authorizer_access_token ?? '',
          expiresIn: info.expires_in ?? 0,
          refreshToken: info.authorizer_refresh_token ?? '',
        });
        await store.authorizers.update((d) => {
          d.byAppid[appid] = {
            appid,
            nickname: '',
            userName: '',
            principal: '',
            funcInfo: info.func_info.map((f) => f.funcscope_category.id),
            status: 'authorized',
            statusReason: null,
            authTime: null,
            updatedAt: clock.now(),
          };
        });
      }
      return appids;
    },
    async reopen() {
      await apps.at(-1)?.stop();
      const again = await createApp(config, adapters);
      apps.push(again);
      await again.start();
      return again;
    },
    async close() {
      for (const running of apps) await running.stop();
      await sim.close();
      await receiver.close();
      await keytarKeychain()
        .deletePassword(keychainService, 'acme')
        .catch(() => false);
      await rm(root, { recursive: true, force: true });
    },
  };
  return harness;
}
