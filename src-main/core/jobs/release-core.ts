import { AuditBook } from '../audits/audit-book.js';
import { AuditService } from '../audits/audit-service.js';
import type { ReleaseDeps } from '../pipeline/pipeline-deps.js';
import { releaseSettings } from '../pipeline/release-settings.js';
import { minimalAuthorizerRow } from '../versions/authorizer-row.js';
import { VersionOps } from '../versions/version-ops.js';
import { JobEngine } from './job-engine.js';
import { QuotaGuard } from './quota-guard.js';
import { LiveAggregate } from './write-behind.js';

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
