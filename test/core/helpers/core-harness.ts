import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WxCrypt } from '@wxfleet/protocol';
import type { SimulatorConfigInput } from '../../../simulator/src/index.js';
import { startSimulator } from '../../../simulator/src/index.js';
import type { Clock } from '../../../src-main/core/platform/clock/clock.js';
import { systemClock } from '../../../src-main/core/platform/clock/clock.js';
import type { ProfilePaths } from '../../../src-main/core/platform/fs/profile-paths.js';
import { profilePaths } from '../../../src-main/core/platform/fs/profile-paths.js';
import { memoryLogger } from '../../../src-main/core/platform/log/logger.js';
import type { Store } from '../../../src-main/core/platform/store/store.js';
import { openStore } from '../../../src-main/core/platform/store/store.js';
import type { AuthorizerTokens } from '../../../src-main/core/wechat/tokens/authorizer-tokens.js';
import type { ComponentTokens } from '../../../src-main/core/wechat/tokens/component-token.js';
import type { ReconcileReport } from '../../../src-main/core/wechat/tokens/reconcile.js';
import type { TicketStore } from '../../../src-main/core/wechat/tokens/ticket-store.js';
import { keytarKeychain } from '../../../src-main/core/platform/vault/keytar-keychain.js';
import type { Vault } from '../../../src-main/core/platform/vault/vault.js';
import { openVault } from '../../../src-main/core/platform/vault/vault.js';
import { createWeChatStack } from '../../../src-main/core/wechat/wechat-stack.js';
import type { EgressConfig } from '../../../src-main/core/wechat/client/egress.js';
import type { WeChatApi } from '../../../src-main/core/wechat/client/wechat-api.js';
import type { WeChatClient } from '../../../src-main/core/wechat/client/wechat-client.js';
import type { RetryOptions } from '../../../src-main/core/wechat/client/retry-policy.js';
import type { WeChatHttp } from '../../../src-main/core/wechat/client/wechat-http.js';
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
}

export interface Harness {
  simUrl: string;
  platform: { componentAppid: string; componentAppsecret: string; token: string; encodingAESKey: string };
  root: string;
  paths: ProfilePaths;
  keychainService: string;
  logger: ReturnType<typeof memoryLogger>;
  vault: Vault;
  store: Store;
  http: WeChatHttp;
  tickets: TicketStore;
  component: ComponentTokens;
  authorizers: AuthorizerTokens;
  client: WeChatClient;
  api: WeChatApi;
  receiver: TicketReceiver;
  reconcile(): Promise<ReconcileReport>;
  control<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** The simulator's call log (its own witness of what reached "WeChat"), optionally for one path. */
  calls(path?: string): Promise<CallRecord[]>;
  /** Seeds merchants, authorizes them in the simulator and onboards them (api_query_auth, store record). */
  onboard(count: number): Promise<string[]>;
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
  const paths = profilePaths(root, 'acme');
  const keychain = keytarKeychain();
  const keychainService = `wxfleet-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const logger = memoryLogger();
  const vault = await openVault({ paths, keychain, logger, clock, service: keychainService });
  const store = await openStore({ dir: paths.storeDir, logger, clock });
  await store.settings.update((s) => {
    s.componentAppid = sim.platform.componentAppid;
    s.apiBaseUrl = sim.url;
  });
  await vault.set('component.appsecret', sim.platform.componentAppsecret);
  await vault.set('component.token', sim.platform.token);
  await vault.set('component.encodingAesKey', sim.platform.encodingAESKey);
  const componentAppid = (): string => store.settings.data.componentAppid;
  const egress: EgressConfig = (await opts.egress?.(sim.url)) ?? { mode: 'direct' };
  const stack = createWeChatStack({
    vault,
    store,
    clock,
    logger,
    egress,
    baseUrl: sim.url,
    ...(opts.retry ? { retry: opts.retry } : {}),
    ...(opts.random ? { random: opts.random } : {}),
  });
  const { http, tickets, component, authorizers, client, api, reconcile } = stack;
  receiver.onTicket = (ticket) => tickets.put(ticket, clock.now());
  // The simulator pushes its first ticket at start, before the core existed.
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
    simUrl: sim.url,
    platform: sim.platform,
    root,
    paths,
    keychainService,
    logger,
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
    async close() {
      stack.close();
      await sim.close();
      await receiver.close();
      await keychain.deletePassword(keychainService, 'acme').catch(() => false);
      await rm(root, { recursive: true, force: true });
    },
  };
  return harness;
}
