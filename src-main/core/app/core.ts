import type { InvokeHandlers } from '../../contract/handlers.js';
import type { EmitEvent } from '../../contract/handlers.js';
import type { Clock } from '../platform/clock/clock.js';
import { systemClock } from '../platform/clock/clock.js';
import type { Core, CoreContext } from './core-context.js';
import { coreHandlers } from './core-handlers.js';
import { PushBus } from '../events/push-bus.js';
import { createEventLog } from '../events/event-log.js';
import { profilePaths } from '../platform/fs/profile-paths.js';
import type { Logger } from '../platform/log/logger.js';
import { silentLogger } from '../platform/log/logger.js';
import { WECHAT_PAGE_BASES } from '../onboarding/authorization-link.js';
import { authorizationLostNotifier } from '../onboarding/authorization-lost.js';
import { experienceQr } from '../onboarding/experience-qr.js';
import { createOnboarding } from '../onboarding/onboarding.js';
import { createIpWhitelistWatch } from '../overview/ip-whitelist.js';
import type { OverviewDecorator } from '../overview/overview.js';
import { buildOverview } from '../overview/overview.js';
import { cryptProvider } from '../relay/link/crypt-provider.js';
import { createPushRouter } from '../events/push-router.js';
import type { RelayRunner, RelayTuning } from '../relay/link/relay-runner.js';
import { createRelayRunner } from '../relay/link/relay-runner.js';
import type { StackTuning } from '../wechat/stack-holder.js';
import { createStackHolder } from '../wechat/stack-holder.js';
import { testConnection } from '../settings/connection-test.js';
import { createSettingsService } from '../settings/settings-service.js';
import { openStore } from '../platform/store/store.js';
import type { Keychain } from '../platform/vault/keychain.js';
import { openVault } from '../platform/vault/vault.js';

export type { Core, CoreContext } from './core-context.js';

export interface CoreOptions {
  /** The directory holding the profiles (`<profileDir>/profiles/<profile>/…`), e.g. the app's user-data dir. */
  profileDir: string;
  profile: string;
  keychain: Keychain;
  clock?: Clock;
  logger?: Logger;
  /** The simulator's origin in the demo profile and in tests (API host and authorization pages). */
  wechatBaseUrl?: string;
  /** The release pipeline plugs its channels in here. */
  extraHandlers?: (ctx: CoreContext) => Partial<InvokeHandlers>;
  emit: EmitEvent;
  /** Keychain service name (tests use their own). */
  keychainService?: string;
  relayTuning?: RelayTuning;
  stackTuning?: StackTuning;
}

/** The composition root of the core: opens the profile, wires the services, starts the relay link. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { emit } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const paths = profilePaths(options.profileDir, options.profile);
  const vault = await openVault({
    paths,
    keychain: options.keychain,
    logger,
    clock,
    ...(options.keychainService ? { service: options.keychainService } : {}),
  });
  const store = await openStore({ dir: paths.storeDir, logger, clock });
  if (options.wechatBaseUrl !== undefined && store.settings.data.apiBaseUrl !== options.wechatBaseUrl) {
    await store.settings.update((s) => {
      s.apiBaseUrl = options.wechatBaseUrl ?? null;
    });
  }
  const baseUrl = store.settings.data.apiBaseUrl ?? undefined;
  const ipWhitelist = createIpWhitelistWatch({ clock, emit, language: () => store.settings.data.locale });
  const stacks = createStackHolder({
    store,
    vault,
    clock,
    logger,
    baseUrl,
    tuning: options.stackTuning ?? {},
    hooks: { watch: ipWhitelist, onAuthorizationLost: authorizationLostNotifier(store, emit) },
  });
  const wechat = stacks.current;
  const pushBus = new PushBus();
  const eventLog = createEventLog(store, clock);
  const overviewDecorators: OverviewDecorator[] = [];
  let runner: RelayRunner | null = null;
  const relay = (): ReturnType<RelayRunner['client']> => runner?.client() ?? null;
  const pageBases = baseUrl === undefined ? WECHAT_PAGE_BASES : { pc: baseUrl, mobile: baseUrl };
  const onboarding = createOnboarding({ store, vault, clock, logger, emit, wechat, relay, pageBases });
  const apply = createPushRouter({
    store,
    clock,
    emit,
    tickets: () => wechat().tickets,
    authorization: onboarding.events,
    pushBus,
    eventLog,
  });
  const relayRunner = createRelayRunner({
    store,
    vault,
    clock,
    logger,
    tuning: options.relayTuning ?? {},
    wiring: {
      crypt: cryptProvider(store, vault),
      cursorStore: eventLog.cursorStore,
      dedupe: eventLog.dedupe,
      apply,
      reject: async (event) => emit('events:appended', await eventLog.recordRejected(event)),
      rpc: { authorizationUrl: (params) => onboarding.invitations.authorizationUrl(params) },
    },
    onStatus: (view) => emit('relay:status', view),
    onStarted: (client) => onboarding.invitations.sendAll(client),
  });
  runner = relayRunner;
  const settings = createSettingsService({
    store,
    vault,
    onChange: async (change) => {
      if (change === 'relay' || change === 'egress') stacks.refresh();
      if (change === 'relay') await relayRunner.sync();
    },
  });

  const context: CoreContext = {
    profile: options.profile,
    paths,
    store,
    vault,
    get wechat() {
      return wechat();
    },
    pushBus,
    get relay() {
      return relay();
    },
    clock,
    logger,
    emit,
    decorate: {
      authorizerRow: (fn) => onboarding.views.addRowDecorator(fn),
      authorizerDetail: (fn) => onboarding.views.addDetailDecorator(fn),
      overview: (fn) => void overviewDecorators.push(fn),
    },
  };
  const handlers: Partial<InvokeHandlers> = {
    ...coreHandlers({
      settings,
      onboarding,
      testConnection: () => testConnection({ store, vault, clock, wechat }),
      overview: () =>
        buildOverview({
          store,
          vault,
          clock,
          wechat,
          eventLog,
          relayStatus: () => relayRunner.status(),
          relayConfigured: () => store.settings.data.relayUrl !== '' && vault.has('relay.deviceToken'),
          decorators: overviewDecorators,
          ipWhitelist: () => ipWhitelist.attention(),
        }),
      events: (query) => eventLog.list(query),
      experienceQr: (appid) => experienceQr(wechat(), appid),
    }),
    ...options.extraHandlers?.(context),
  };

  // Only now: extraHandlers has subscribed its listeners to the push bus before the first push can arrive.
  await relayRunner.sync();
  if (vault.notice) emit('app:notice', { kind: 'store_recovered', message: vault.notice });
  for (const r of store.recoveries) {
    emit('app:notice', { kind: 'store_recovered', message: `${r.aggregate} restored from ${r.restoredFrom}` });
  }
  logger.info('core ready', {
    profile: options.profile,
    authorizers: Object.keys(store.authorizers.data.byAppid).length,
  });

  return {
    handlers,
    context,
    async close() {
      await relayRunner.stop();
      stacks.close();
    },
  };
}
