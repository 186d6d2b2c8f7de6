import type { VersionItemState, VersionJobView } from '@contract/release';
import type { Authorizers } from '../../platform/store/authorizers-aggregate.js';
import { readCoded } from '../../platform/store/stored-text.js';
import type { VersionJobRecord } from '../../platform/store/version-jobs-aggregate.js';

const iso = (ms: number): string => new Date(ms).toISOString();

export function versionJobView(job: VersionJobRecord, authorizers: Authorizers): VersionJobView {
  const counts: Partial<Record<VersionItemState, number>> = {};
  const items = job.appids.flatMap((appid) => {
    const item = job.items[appid];
    if (!item) return [];
    counts[item.state] = (counts[item.state] ?? 0) + 1;
    return [
      {
        appid,
        nickname: authorizers.byAppid[appid]?.nickname ?? '',
        wave: item.wave,
        state: item.state,
        error: item.error === null ? null : { errcode: item.error.errcode, reason: readCoded(item.error.message) },
        updatedAt: iso(item.updatedAt),
      },
    ];
  });
  return {
    id: job.id,
    spec: {
      action: job.action,
      appids: [...job.appids],
      ...(job.gray === null ? {} : { gray: { ...job.gray } }),
      ...(Object.keys(job.appVersions).length === 0 ? {} : { appVersions: { ...job.appVersions } }),
      waveSize: job.waveSize,
    },
    status: job.status,
    pausedAtWave: job.pausedAtWave,
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
    counts,
    total: job.appids.length,
    items,
  };
}
