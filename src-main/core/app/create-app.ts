import { join } from 'node:path';
import { coded } from '../../contract/codes.js';
import type { EmitEvent, InvokeHandlers } from '../../contract/handlers.js';
import { createEventLog } from '../events/event-log.js';
import type { EventLog } from '../events/event-log.js';
import { PushBus } from '../events/push-bus.js';
import { createPushRouter } from '../events/push-router.js';
import type { StaffLogs } from '../logs/staff-logs.js';
import { openStaffLogs } from '../logs/staff-logs.js';
import type { AuthorizerViews } from '../fleet/authorizer-views.js';
import { createAuthorizerViews } from '../fleet/authorizer-views.js';
import { wechatSettingsReader } from '../fleet/wechat-settings.js';
import { WECHAT_PAGE_BASES } from '../onboarding/authorization-link.js';
import { authorizationLostNotifier } from '../onboarding/authorization-lost.js';
import { experienceQr } from '../onboarding/experience-qr.js';
import { createFastRegistration } from '../onboarding/fast-registration.js';
import type { Onboarding } from '../onboarding/onboarding.js';
import { createOnboarding } from '../onboarding/onboarding.js';
import { createIpWhitelistWatch } from '../overview/ip-whitelist.js';
import { buildOverview } from '../overview/overview.js';
import type { Clock } from '../platform/clock/clock.js';
import { systemClock } from '../platform/clock/clock.js';
import type { ProfilePaths } from '../platform/fs/profile-paths.js';
import { profilePaths } from '../platform/fs/profile-paths.js';
import type { Logger } from '../platform/log/logger.js';
import { createLogger } from '../platform/log/logger.js';
import { openProfileLog } from '../platform/log/profile-log.js';
import type { Store } from '../platform/store/store.js';
import { openStore } from '../platform/store/store.js';
import type { TaskGroup } from '../platform/tasks/task-group.js';
import { createTaskGroup } from '../platform/tasks/task-group.js';
import type { Keychain } from '../platform/vault/keychain.js';
import type { Vault } from '../platform/vault/vault.js';
import { openVault } from '../platform/vault/vault.js';
import type { ReadinessFixer } from '../readiness/readiness-fixer.js';
import { createReadinessFixer } from '../readiness/readiness-fixer.js';
import { refreshOnPushes } from '../readiness/readiness-pushes.js';
import type { ReadinessService } from '../readiness/readiness-service.js';
import { createReadinessService } from '../readiness/readiness-service.js';
import { cryptProvider } from '../relay/link/crypt-provider.js';
import type { RelayRunner } from '../relay/link/relay-runner.js';
import { createRelayRunner } from '../relay/link/relay-runner.js';
import type { Ledger } from '../release/ledger/ledger.js';
import { openLedger } from '../release/ledger/ledger.js';
import { reconcileVersions } from '../release/ledger/reconcile-versions.js';
import { testConnection } from '../settings/connection-test.js';
import type { SettingsService } from '../settings/settings-service.js';
import { createSettingsService } from '../settings/settings-service.js';
import { egressFromSettings } from '../wechat/client/egress.js';
import type { WeChatStack } from '../wechat/wechat-stack.js';
import { createWeChatStack } from '../wechat/wechat-stack.js';
import type { AppConfig } from './app-config.js';
import { coreHandlers } from './core-handlers.js';
import { loggedHandlers } from './logged-handlers.js';
import type { CrashSource } from './crash-watch.js';
import { watchCrashes } from './crash-watch.js';
import { fleetChanges } from './fleet-changes.js';
import { createReadinessHandlers, deployWithPreflight, withHeldOut } from './readiness-handlers.js';
import { createReleaseHandlers } from './release-handlers.js';
import { createTemplateHandlers } from './template-handlers.js';
import type { Release } from './wire-release.js';
import { wireRelease } from './wire-release.js';

/** What only the host has: the OS keychain, the way events reach the window, and (in a host) the process. */
export interface AppAdapters {
  keychain: Keychain;
  emit: EmitEvent;
  clock?: Clock;
  random?: () => number;
  /** `process`: failures nothing caught are logged and shown to the user. Tests leave it out. */
  crashes?: CrashSource;
}

/** The wired services, for the host's own needs (the demo's first sync) and for tests. */
export interface AppServices {
  paths: ProfilePaths;
  logger: Logger;
  tasks: TaskGroup;
  vault: Vault;
  store: Store;
  /** The version ledger as every service writes it (each entry also refreshes the fleet list). */
  ledger: Ledger;
  wechat: WeChatStack;
  pushBus: PushBus;
  eventLog: EventLog;
  relay: RelayRunner;
  onboarding: Onboarding;
  fleet: AuthorizerViews;
  release: Release;
  readiness: ReadinessService;
  fixer: ReadinessFixer;
  settings: SettingsService;
  /** The WeChat call log and the operations log (the Logs page). */
  staffLogs: StaffLogs;
}

export interface App {
  readonly config: AppConfig;
  /** Every channel of the contract; the hosts add only their transport. */
  readonly handlers: InvokeHandlers;
  readonly services: AppServices;
  /** The profile's current log file. */
  readonly logPath: string;
  /** Tells the window what it must know (restored files), subscribes, resumes jobs, connects to the relay. */
  start(): Promise<void>;
  /** Disconnects, stops scheduling, drains background work, makes every change durable, closes the log; once. */
  stop(): Promise<void>;
}

/** The one composition root: opens the profile and wires every service in dependency order. */
export async function createApp(config: AppConfig, adapters: AppAdapters): Promise<App> {
  const clock = adapters.clock ?? systemClock;
  const paths = profilePaths(config.profileDir, config.profile);
  const log = openProfileLog({ dir: join(paths.dir, 'logs'), ...config.log });
  const logger = createLogger(log.sink);
  try {
    return await wire(config, adapters, { clock, paths, logger, log });
  } catch (error) {
    logger.error('the profile did not open', { profile: config.profile, error });
    log.close();
    throw error;
  }
}

async function wire(
  config: AppConfig,
  adapters: AppAdapters,
  base: { clock: Clock; paths: ProfilePaths; logger: Logger; log: { path: string; close(): void } },
): Promise<App> {
  const { emit } = adapters;
  const { clock, paths, logger, log } = base;
  const tasks = createTaskGroup(logger);
  const vault = await openVault({
    paths,
    keychain: adapters.keychain,
    logger,
    clock,
    service: config.vault.keychainService,
    allowMemoryKey: config.vault.allowMemoryKey,
    startOverWhenUnreadable: config.vault.startOverWhenUnreadable,
  });
  const store = await openStore({ dir: paths.storeDir, logger, clock });
  const changes = fleetChanges(await openLedger({ dir: join(paths.storeDir, 'ledger'), logger, clock }), emit);
  const { ledger } = changes;

  const staffLogs = await openStaffLogs({ dir: join(paths.dir, 'logs'), clock, logger });
  const egress = () => egressFromSettings(store.settings.data, vault.get('relay.deviceToken'));
  const ipWhitelist = createIpWhitelistWatch({ clock, emit });
  const wechat = createWeChatStack({
    ...config.wechat.tuning,
    vault,
    store,
    clock,
    logger,
    egress: egress(),
    ...(config.wechat.baseUrl === null ? {} : { baseUrl: config.wechat.baseUrl }),
    ...(adapters.random ? { random: adapters.random } : {}),
    watch: ipWhitelist,
    onAuthorizationLost: authorizationLostNotifier(store, emit),
    calls: staffLogs.calls,
  });
  const pushBus = new PushBus();
  const eventLog = createEventLog(store, clock);
  const pageBase = config.wechat.baseUrl;
  const onboarding = createOnboarding({
    store,
    vault,
    clock,
    logger,
    emit,
    wechat,
    relay: () => relay.client(),
    pageBases: pageBase === null ? WECHAT_PAGE_BASES : { pc: pageBase, mobile: pageBase },
    readVersions: (appid) => reconcileVersions({ api: wechat.api, ledger, logger }, appid),
  });
  const relay = createRelayRunner({
    store,
    vault,
    clock,
    logger,
    tuning: config.relay.tuning,
    wiring: {
      crypt: cryptProvider(store, vault),
      cursorStore: eventLog.cursorStore,
      dedupe: eventLog.dedupe,
      apply: createPushRouter({
        store,
        clock,
        emit,
        tickets: wechat.tickets,
        authorization: onboarding.events,
        pushBus,
        eventLog,
      }),
      reject: async (event) => emit('events:appended', await eventLog.recordRejected(event)),
      rpc: { authorizationUrl: (params) => onboarding.invitations.authorizationUrl(params) },
    },
    onStatus: (view) => emit('relay:status', view),
    onStarted: (client) => onboarding.invitations.sendAll(client),
  });
  const release = wireRelease({
    store,
    api: wechat.api,
    ledger,
    pushBus,
    clock,
    logger,
    emit,
    tasks,
    settings: config.release,
    random: adapters.random ?? Math.random,
    row: (appid) => fleet.row(appid),
  });
  const readiness = createReadinessService({ store, api: wechat.api, clock, logger, emit });
  const fixer = createReadinessFixer({
    api: wechat.api,
    store,
    readiness,
    ledger,
    logger,
    mpHome: config.wechat.baseUrl ?? 'https://mp.weixin.qq.com/',
  });
  const fleet = createAuthorizerViews({
    store,
    emit,
    versions: release.readVersions,
    wechatSettings: wechatSettingsReader(wechat.api, logger),
    extVariables: release.extVariables,
    readiness: (appid) => readiness.summary(appid),
  });
  const settings = createSettingsService({
    store,
    vault,
    demo: config.demo,
    onChange: async (change) => {
      if (change === 'relay' || change === 'egress') wechat.useEgress(egress());
      if (change === 'relay') await relay.sync();
    },
  });

  const raw: InvokeHandlers = {
    ...coreHandlers({
      appInfo: { name: 'wxfleet', version: config.version, profile: config.profile },
      settings,
      onboarding,
      fleet,
      testConnection: () => testConnection({ store, vault, clock, wechat }),
      overview: () =>
        buildOverview({
          store,
          vault,
          clock,
          wechat,
          eventLog,
          relayStatus: () => relay.status(),
          relayConfigured: () => store.settings.data.relayUrl !== '' && vault.has('relay.deviceToken'),
          release: release.status,
          ipWhitelist: () => ipWhitelist.attention(),
        }),
      events: (query) => eventLog.list(query),
      experienceQr: (appid) => experienceQr(wechat, appid),
    }),
    ...createTemplateHandlers({
      templates: release.templates,
      extJson: release.extJson,
      ledger,
      api: wechat.api,
      emit,
      fleet: release.fleet,
    }),
    ...createReleaseHandlers({
      audits: release.auditService,
      engine: release.engine,
      versions: release.versions,
      versionJobs: release.versionJobs,
    }),
    'logs:calls': async (filter) => staffLogs.calls.list(filter),
    'logs:operations': async (filter) => staffLogs.operations.list(filter),
    ...createReadinessHandlers({
      readiness,
      fixer,
      api: wechat.api,
      registration: createFastRegistration({ api: wechat.api, store, clock, logger }),
    }),
  };
  // Readiness wraps its channels first, so the operations log records what the person called.
  withReadiness(raw, { readiness, fixer, store, tasks, release, logger });
  const handlers: InvokeHandlers = staffLogs.operations.wrap(raw);

  let stopWatching: (() => void) | null = null;
  let stopReadinessPushes: (() => void) | null = null;
  let stopped: Promise<void> | null = null;
  const stop = async (): Promise<void> => {
    await relay.stop();
    release.stop();
    stopReadinessPushes?.();
    await tasks.drain();
    changes.stop();
    await store.flush();
    await staffLogs.flush();
    wechat.close();
    stopWatching?.();
    logger.info('wxfleet stopped', { profile: config.profile });
    log.close();
  };
  const services: AppServices = {
    paths,
    logger,
    tasks,
    vault,
    store,
    ledger,
    wechat,
    pushBus,
    eventLog,
    relay,
    onboarding,
    fleet,
    release,
    readiness,
    fixer,
    settings,
    staffLogs,
  };
  return {
    config,
    handlers: loggedHandlers(logger, handlers),
    services,
    logPath: log.path,
    async start() {
      if (adapters.crashes) stopWatching = watchCrashes(adapters.crashes, logger, emit);
      if (vault.notice) emit('app:notice', { kind: 'store_recovered', message: vault.notice });
      for (const r of store.recoveries) {
        const params = { aggregate: r.aggregate, from: r.restoredFrom };
        emit('app:notice', { kind: 'store_recovered', message: coded('attention_store_recovered', params) });
      }
      // Audit pushes are listened for before the relay can deliver the first one.
      release.start();
      stopReadinessPushes = refreshOnPushes(pushBus, { readiness, store, tasks, logger });
      await relay.sync();
      logger.info('wxfleet started', {
        profile: config.profile,
        authorizers: Object.keys(store.authorizers.data.byAppid).length,
      });
    },
    stop: () => (stopped ??= stop()),
  };
}

const READINESS_MAX_AGE_MS = 10 * 60_000;

/**
 * Readiness around the channels that need it: a sync re-reads readiness in the background, a deploy runs the
 * pre-flight first, and job views list the mini-programs the pre-flight left out.
 */
function withReadiness(
  handlers: InvokeHandlers,
  s: {
    readiness: ReadinessService;
    fixer: ReadinessFixer;
    store: Store;
    tasks: TaskGroup;
    release: Release;
    logger: Logger;
  },
): void {
  const { readiness, fixer, store, tasks, release, logger } = s;
  // The domain profile is applied before a release by hand, so the release keeps what the templates call (05 E26).
  const releaseByHand = handlers['audits:release'];
  handlers['audits:release'] = async (appid) => {
    try {
      await applyDomainsBeforeRelease(appid);
    } catch (error) {
      // The release itself is what the person asked for; a failed check must not stop it.
      logger.warn('readiness not checked before release', { appid, error });
    }
    return releaseByHand(appid);
  };
  async function applyDomainsBeforeRelease(appid: string): Promise<void> {
    // Read again only when there may be something to apply: a profile with domains, or a gap already seen.
    const seen = readiness.view(appid).items.find((i) => i.key === 'domains');
    const profile = readiness.profile().domains;
    if (seen?.state !== 'missing' && Object.values(profile).every((l) => l.length === 0)) return;
    const domains = (await readiness.refresh(appid)).items.find((i) => i.key === 'domains');
    if (domains?.state !== 'missing') return;
    const [result] = await fixer.fix({ action: 'apply_domains', appids: [appid] });
    if (result && !result.ok) logger.warn('domain profile not applied before release', { appid, code: result.code });
  }
  const sync = handlers['authorizers:sync'];
  handlers['authorizers:sync'] = async (appid) => {
    const rows = await sync(appid);
    // A fleet-wide sync re-reads only what was not read lately: each read is nine calls per mini-program.
    tasks.run('readiness refresh after a sync failed', () =>
      appid === null ? readiness.refreshStale(READINESS_MAX_AGE_MS) : readiness.refreshMany([appid]),
    );
    return rows;
  };
  const get = handlers['jobs:get'];
  const list = handlers['jobs:list'];
  handlers['jobs:get'] = async (id) => {
    const job = await get(id);
    return { ...job, ...withHeldOut(store, job) };
  };
  handlers['jobs:list'] = async () => (await list()).map((j) => withHeldOut(store, j));
  handlers['jobs:startDeploy'] = deployWithPreflight({
    readiness,
    store,
    start: (spec) => release.engine.start(spec),
    get: async (id) => withHeldOut(store, release.engine.get(id)),
  });
}
