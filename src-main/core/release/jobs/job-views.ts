import type { ItemState, JobDetail, JobItemView, JobView, RetryAction } from '@contract/release';
import { readCodedOrNull } from '../../platform/store/stored-text.js';
import { itemErrorView } from '../steps/item-error.js';
import type { Authorizers } from '../../platform/store/authorizers-aggregate.js';
import type { AuditRecord, ItemRecord, JobRecord } from '../../platform/store/release-aggregate.js';

const iso = (ms: number): string => new Date(ms).toISOString();

export function jobView(job: JobRecord): JobView {
  const counts: Partial<Record<ItemState, number>> = {};
  for (const item of Object.values(job.items)) counts[item.state] = (counts[item.state] ?? 0) + 1;
  const s = job.spec;
  return {
    id: job.id,
    kind: 'deploy',
    spec: {
      templateId: s.templateId,
      appids: [...s.appids],
      userVersion: s.userVersion,
      userDesc: s.userDesc,
      canary: s.canary,
      autoRelease: s.autoRelease,
      ...(s.concurrency === null ? {} : { concurrency: s.concurrency }),
      ...(s.stopTheLine === null ? {} : { stopTheLine: s.stopTheLine }),
      ...(s.auditBudget === null ? {} : { auditBudget: s.auditBudget }),
      ...(s.force ? { force: true } : {}),
    },
    status: job.status,
    pauseReason: readCodedOrNull(job.pauseReason),
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
    counts,
    total: s.appids.length,
    retryable: (counts.failed ?? 0) + (counts.rejected ?? 0),
  };
}

export function itemView(
  item: ItemRecord,
  authorizers: Authorizers,
  retry: RetryAction = 'none',
  audit: AuditRecord | null = null,
): JobItemView {
  const e = item.error;
  const rejection = item.state === 'rejected' && audit && audit.auditId === item.auditId ? audit.reason : null;
  return {
    appid: item.appid,
    nickname: authorizers.byAppid[item.appid]?.nickname ?? '',
    state: item.state,
    attempts: item.attempts,
    error: e ? itemErrorView(e) : null,
    updatedAt: iso(item.updatedAt),
    reason: rejection,
    skipReason: item.skipReason ?? null,
    retry,
  };
}

export function jobDetail(
  job: JobRecord,
  authorizers: Authorizers,
  retryOf: (appid: string) => RetryAction = () => 'none',
  auditOf: (appid: string) => AuditRecord | null = () => null,
): JobDetail {
  const items = job.spec.appids.flatMap((a) => {
    const item = job.items[a];
    return item ? [itemView(item, authorizers, retryOf(a), auditOf(a))] : [];
  });
  return { ...jobView(job), items };
}
