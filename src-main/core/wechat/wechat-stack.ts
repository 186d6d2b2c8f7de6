import type { Clock } from '../platform/clock/clock.js';
import type { Logger } from '../platform/log/logger.js';
import type { Store } from '../platform/store/store.js';
import type { Vault } from '../platform/vault/vault.js';
import type { EgressConfig } from './client/egress.js';
import { createEgressTransport } from './client/egress-transport.js';
import type { RetryOptions } from './client/retry-policy.js';
import type { WeChatApi } from './client/wechat-api.js';
import { createWeChatApi } from './client/wechat-api.js';
import type { CallRecorder, WeChatClient } from './client/wechat-client.js';
import { createWeChatClient } from './client/wechat-client.js';
import type { CallWatcher, WeChatHttp } from './client/wechat-http.js';
import { createWeChatHttp } from './client/wechat-http.js';
import type { AuthorizationLostHook, AuthorizerTokens } from './tokens/authorizer-tokens.js';
import { createAuthorizerTokens } from './tokens/authorizer-tokens.js';
import type { ComponentTokens } from './tokens/component-token.js';
import { createComponentTokens } from './tokens/component-token.js';
import type { ReconcileReport } from './tokens/reconcile.js';
import { reconcileAuthorizers } from './tokens/reconcile.js';
import type { RefreshTiming } from './tokens/refresh-timing.js';
import type { TicketStore } from './tokens/ticket-store.js';
import { createTicketStore } from './tokens/ticket-store.js';
import { tokenSourceOf } from './tokens/token-source.js';

export interface WeChatStackDeps {
  vault: Vault;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** How calls leave the machine; an `Error` refuses every call with it until `useEgress` gets a real one. */
  egress: EgressConfig | Error;
  /** https://api.weixin.qq.com unless set (the simulator in the demo profile and in tests). */
  baseUrl?: string;
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  timing?: Partial<RefreshTiming>;
  random?: () => number;
  /** Sees the outcome of every call (61004 refusals and the successes that end them). */
  watch?: CallWatcher;
  onAuthorizationLost?: AuthorizationLostHook;
  /** Sees each call made through the client (the call log staff read). */
  calls?: CallRecorder;
}

export interface WeChatStack {
  http: WeChatHttp;
  tickets: TicketStore;
  component: ComponentTokens;
  authorizers: AuthorizerTokens;
  client: WeChatClient;
  api: WeChatApi;
  reconcile(): Promise<ReconcileReport>;
  /** Moves the calls to another egress (settings changed); tokens, tickets and breakers stay as they are. */
  useEgress(egress: EgressConfig | Error): void;
  close(): void;
}

/** Wires transport, ticket store, token managers, client and typed API for one profile, once. */
export function createWeChatStack(deps: WeChatStackDeps): WeChatStack {
  const { vault, store, clock, logger } = deps;
  const componentAppid = (): string => store.settings.data.componentAppid;
  const transport = createEgressTransport({
    egress: deps.egress,
    ...(deps.baseUrl === undefined ? {} : { baseUrl: deps.baseUrl }),
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
  });
  const http = createWeChatHttp({
    transport,
    logger,
    clock,
    ...(deps.random ? { random: deps.random } : {}),
    ...(deps.retry ? { retry: deps.retry } : {}),
    ...(deps.watch ? { watch: deps.watch } : {}),
  });
  const shared = { http, vault, clock, logger, componentAppid, ...(deps.random ? { random: deps.random } : {}) };
  const timing = deps.timing ? { timing: deps.timing } : {};
  const tickets = createTicketStore({ vault, http, clock, logger, componentAppid });
  const component = createComponentTokens({ ...shared, ...timing, tickets });
  let reconciling: Promise<ReconcileReport> | undefined;
  const reconcile = (): Promise<ReconcileReport> =>
    (reconciling ??= reconcileAuthorizers({ http, vault, store, component, clock, logger, componentAppid }).finally(
      () => (reconciling = undefined),
    ));
  const authorizers = createAuthorizerTokens({
    ...shared,
    ...timing,
    store,
    component,
    recoverRefreshToken: async () => {
      await reconcile();
    },
    ...(deps.onAuthorizationLost ? { onAuthorizationLost: deps.onAuthorizationLost } : {}),
  });
  const client = createWeChatClient(http, tokenSourceOf(component, authorizers), deps.calls, () => clock.now());
  return {
    http,
    tickets,
    component,
    authorizers,
    client,
    api: createWeChatApi(client),
    reconcile,
    useEgress: (next) => transport.use(next),
    close: () => http.close(),
  };
}
