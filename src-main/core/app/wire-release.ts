import type { AuthorizerRow } from '../../contract/fleet.js';
import type { EmitEvent } from '../../contract/handlers.js';
import type { PushBus } from '../events/push-bus.js';
import type { Clock } from '../platform/clock/clock.js';
import type { Logger } from '../platform/log/logger.js';
import type { Store } from '../platform/store/store.js';
import type { TaskGroup } from '../platform/tasks/task-group.js';
import { AuditBook } from '../release/audits/audit-book.js';
import { listenForAudits } from '../release/audits/audit-push-listener.js';
import { AuditService } from '../release/audits/audit-service.js';
import { QuotaGuard } from '../release/audits/quota-guard.js';
import type { ExtJsonService } from '../release/extjson/ext-json-service.js';
import { createExtJsonService } from '../release/extjson/ext-json-service.js';
import { configOf, renderExtJson } from '../release/extjson/render-ext-json.js';
import { JobEngine } from '../release/jobs/job-engine.js';
import type { ReleaseStatus } from '../release/jobs/release-status.js';
import { releaseStatus } from '../release/jobs/release-status.js';
import type { Ledger } from '../release/ledger/ledger.js';
import { foldVersions } from '../release/ledger/version-state.js';
import type { ReleaseApi } from '../release/release-api.js';
import type { ReleaseSettings } from '../release/release-settings.js';
import { releaseSettings } from '../release/release-settings.js';
import type { TemplateLibraryService } from '../release/templates/template-library.js';
import { createTemplateLibrary } from '../release/templates/template-library.js';
import { fleetAppids } from '../release/templates/template-usage.js';
import { createVersionReader } from '../release/versions/version-reader.js';
import { VersionJobs } from '../release/versions/version-jobs.js';
import { VersionOps } from '../release/versions/version-ops.js';
import type { WeChatApi } from '../wechat/client/wechat-api.js';

export interface ReleaseWiring {
  store: Store;
  api: WeChatApi;
  /** Already telling the fleet list about each entry (fleet-changes). */
  ledger: Ledger;
  pushBus: PushBus;
  clock: Clock;
  logger: Logger;
  emit: EmitEvent;
  tasks: TaskGroup;
  settings: Partial<ReleaseSettings>;
  random: () => number;
  /** The fleet row of a mini-program, returned by version operations. */
  row: (appid: string) => AuthorizerRow;
}

export interface Release {
  templates: TemplateLibraryService;
  extJson: ExtJsonService;
  audits: AuditBook;
  auditService: AuditService;
  engine: JobEngine;
  versions: VersionOps;
  /** Batch version actions in waves. */
  versionJobs: VersionJobs;
  readVersions: ReturnType<typeof createVersionReader>;
  status: () => Promise<ReleaseStatus>;
  /** Every mini-program of the fleet (store and ledger, without revoked ones). */
  fleet: () => string[];
  extVariables: (appid: string) => Record<string, string>;
  /** Applies audit pushes from the bus and resumes the jobs that were running. */
  start(): void;
  /** Stops scheduling; the work in flight drains in the task group. */
  stop(): void;
}

/** The release side in dependency order: audit book and quota, job engine, library, audits, versions. */
export function wireRelease(w: ReleaseWiring): Release {
  const { store, ledger, clock, logger, emit, tasks } = w;
  const api: ReleaseApi = w.api;
  const settings = releaseSettings(w.settings);
  const audits = new AuditBook({ store, tasks, ledger, emit, clock });
  const quota = new QuotaGuard(api, logger);
  const extJson = createExtJsonService({ store, ledger, clock });
  const engine = new JobEngine({
    store,
    tasks,
    api,
    ledger,
    renderExtJson: (templateId, appid) => renderExtJson({ store }, templateId, appid),
    submitProfile: (templateId, appid) => extJson.submitProfile(templateId, appid),
    runningVersion: (appid) => foldVersions(ledger.entries(appid)).online,
    audits,
    quota,
    clock,
    logger,
    emit,
    settings,
    random: w.random,
  });
  const templates = createTemplateLibrary({
    store,
    api: w.api,
    ledger,
    clock,
    logger,
    pendingUse: (templateId) => engine.pendingUse(templateId),
  });
  const auditService = new AuditService({
    api,
    store,
    ledger,
    audits,
    quota,
    clock,
    onReleased: (appid) => engine.releasedByHand(appid),
    onRefreshed: (appid) => engine.applyAudit(appid),
  });
  const versions = new VersionOps({
    api,
    ledger,
    row: w.row,
    // A gray release ended in full: the version leaves the "passed" queue and waiting job items follow.
    onReleased: (appid) => {
      audits.released(appid);
      engine.releasedByHand(appid);
    },
  });
  const versionJobs = new VersionJobs({ store, ops: versions, tasks, clock, logger, emit });
  let unsubscribe: (() => void) | null = null;

  return {
    templates,
    extJson,
    audits,
    auditService,
    engine,
    versions,
    versionJobs,
    readVersions: createVersionReader({ ledger, audits, store }),
    status: releaseStatus({ store, quota, clock }),
    fleet: () => fleetAppids(ledger, store.authorizers.data),
    extVariables(appid) {
      const online = foldVersions(ledger.entries(appid)).online?.templateId ?? null;
      const templateId = online ?? store.templates.data.defaultTemplateId;
      return templateId === null ? {} : { ...configOf(store, templateId).merchants[appid]?.variables };
    },
    start() {
      unsubscribe = listenForAudits(w.pushBus, audits, store, logger);
      tasks.run('resuming jobs failed', () => engine.resumeAll());
      tasks.run('resuming version jobs failed', () => versionJobs.resumeAll());
    },
    stop() {
      unsubscribe?.();
      engine.stop();
      versionJobs.stop();
    },
  };
}
