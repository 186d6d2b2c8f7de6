import type { AuthorizerRow } from '@contract/fleet';
import type { AuditBook } from '../audits/audit-book.js';
import type { ReleaseApi } from '../release-deps.js';
import type { Store } from '../../platform/store/store.js';

/** A minimal fleet row (when core/authorizers does not provide one): store record, latest audit, online version. */
export async function minimalAuthorizerRow(
  appid: string,
  deps: { api: Pick<ReleaseApi, 'getVersionInfo'>; store: Pick<Store, 'authorizers'>; audits: AuditBook },
): Promise<AuthorizerRow> {
  const a = deps.store.authorizers.data.byAppid[appid];
  const info = await deps.api.getVersionInfo(appid);
  const rel = info.release_info;
  const audit = deps.audits.record(appid);
  return {
    appid,
    nickname: a?.nickname ?? '',
    userName: a?.userName ?? '',
    principal: a?.principal ?? '',
    status: a?.status ?? 'authorized',
    statusReason: a?.statusReason ?? null,
    canManageCode: a ? a.funcInfo.includes(18) : true,
    tags: [],
    online: rel?.release_version
      ? {
          templateId: null,
          userVersion: rel.release_version,
          userDesc: rel.release_desc ?? '',
          at: rel.release_time ? new Date(rel.release_time * 1000).toISOString() : null,
        }
      : null,
    audit: audit
      ? { state: audit.state, auditId: audit.auditId, userVersion: audit.userVersion, reason: audit.reason }
      : null,
    drift: false,
    updatedAt: new Date(a?.updatedAt ?? Date.now()).toISOString(),
  };
}
