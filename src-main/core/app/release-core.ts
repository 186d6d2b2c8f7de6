import { AuditBook } from '../release/audits/audit-book.js';
import { AuditService } from '../release/audits/audit-service.js';
import type { ReleaseDeps } from '../release/release-deps.js';
import { releaseSettings } from '../release/release-settings.js';
import { minimalAuthorizerRow } from '../release/versions/authorizer-row.js';
import { VersionOps } from '../release/versions/version-ops.js';
import { JobEngine } from '../release/jobs/job-engine.js';
import { QuotaGuard } from '../release/audits/quota-guard.js';
import { LiveAggregate } from '../platform/aggregate/write-behind.js';

export interface ReleaseCore {
  audits: AuditBook;
  auditService: AuditService;
  quota: QuotaGuard;
  engine: JobEngine;
  versions: VersionOps;
}

const cores = new WeakMap<ReleaseDeps, ReleaseCore>();

/** One set of release services per deps object, shared by the handlers and by startRelease. */
export function releaseCoreOf(deps: ReleaseDeps): ReleaseCore {
  const known = cores.get(deps);
  if (known) return known;
  const { store, api, ledger, clock, logger, emit } = deps;
  const settings = releaseSettings(deps.settings);
  const live = new LiveAggregate(store.release, clock);
  const audits = new AuditBook({ store, live, ledger, emit, clock });
  const quota = new QuotaGuard(api, logger);
  const engine = new JobEngine({
    store,
    live,
    api,
    ledger,
    renderExtJson: deps.renderExtJson,
    audits,
    quota,
    clock,
    logger,
    emit,
    settings,
    random: deps.random ?? Math.random,
    ...(deps.newId ? { newId: deps.newId } : {}),
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
  const row = deps.authorizerRow ?? ((appid: string) => minimalAuthorizerRow(appid, { api, store, audits }));
  const versions = new VersionOps({ api, ledger, row });
  const core = { audits, auditService, quota, engine, versions };
  cores.set(deps, core);
  return core;
}
