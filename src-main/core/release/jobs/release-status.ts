import { coded } from '../../../contract/codes.js';
import { readCodedOrNull } from '../../platform/store/stored-text.js';
import type { AttentionItem, OverviewView } from '../../../contract/fleet.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Store } from '../../platform/store/store.js';
import type { QuotaGuard } from '../audits/quota-guard.js';

/** The overview's release part: audit quota, audits in flight, failing jobs and jobs that stopped by themselves. */
export type ReleaseStatus = Pick<OverviewView, 'auditQuota' | 'auditsInFlight' | 'failingJobs'> & {
  attention: AttentionItem[];
};

export interface ReleaseStatusDeps {
  store: Pick<Store, 'release' | 'authorizers'>;
  quota: QuotaGuard;
  clock: Clock;
}

/** Asking WeChat for the quota at most this often while it is unknown (no job started, Audits page not opened). */
const QUOTA_LOOKUP_INTERVAL_MS = 60_000;

const FAILED_ITEM = new Set(['failed', 'rejected']);

export function releaseStatus(deps: ReleaseStatusDeps): () => Promise<ReleaseStatus> {
  let lastLookup = -Infinity;
  return async () => {
    const { store, quota, clock } = deps;
    if (quota.rest === null && clock.now() - lastLookup >= QUOTA_LOOKUP_INTERVAL_MS) {
      lastLookup = clock.now();
      const any = Object.values(store.authorizers.data.byAppid).find((a) => a.status === 'authorized');
      await quota.tryRefresh(any?.appid);
    }
    const { jobs, audits } = store.release.data;
    const attention: AttentionItem[] = Object.values(jobs)
      .filter((j) => j.status === 'paused' && j.pauseKind !== 'manual')
      .map((j) => ({
        kind: 'job_paused',
        jobId: j.id,
        message: readCodedOrNull(j.pauseReason) ?? coded('pause_manual'),
      }));
    return {
      auditQuota:
        quota.rest === null
          ? null
          : { remaining: quota.rest, limit: quota.limit ?? 0, speedupRemaining: quota.speedupRest ?? 0 },
      auditsInFlight: Object.values(audits).filter((a) => a.state === 'auditing' || a.state === 'delayed').length,
      failingJobs: Object.values(jobs).filter((j) => Object.values(j.items).some((i) => FAILED_ITEM.has(i.state)))
        .length,
      attention,
    };
  };
}
