import { coded } from '../../../contract/codes.js';
import { storeCoded } from '../../platform/store/stored-text.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Logger } from '../../platform/log/logger.js';
import type { Store } from '../../platform/store/store.js';
import { authorizerAccessTokenName, authorizerRefreshTokenName } from '../../platform/vault/secret-names.js';
import type { Vault } from '../../platform/vault/vault.js';
import { withTokenRetry } from '../client/token-source.js';
import type { WeChatHttp } from '../client/wechat-http.js';
import { blankAuthorizer } from './authorizer-status.js';
import type { ComponentTokens } from './component-token.js';

export interface ReconcileDeps {
  http: WeChatHttp;
  vault: Vault;
  store: Store;
  component: ComponentTokens;
  clock: Clock;
  logger: Logger;
  componentAppid: () => string;
  pageSize?: number;
}

export interface ReconcileReport {
  listed: number;
  /** Refresh tokens missing locally and taken from the list. */
  recovered: string[];
  /** Authorizers WeChat lists that the store did not know. */
  added: string[];
  /** Marked needs_reauth/revoked before, listed with a new refresh token now. */
  reauthorized: string[];
  /** Known as authorized, absent from the list: revoked without us hearing of it. */
  revoked: string[];
  /** Listed without a refresh token (code never exchanged): the merchant must authorize again. */
  withoutRefreshToken: string[];
}

/** Compares the store and vault with api_get_authorizer_list and repairs what it can. */
export async function reconcileAuthorizers(deps: ReconcileDeps): Promise<ReconcileReport> {
  const { vault, store, clock, logger } = deps;
  const count = deps.pageSize ?? 500;
  const report: ReconcileReport = {
    listed: 0,
    recovered: [],
    added: [],
    reauthorized: [],
    revoked: [],
    withoutRefreshToken: [],
  };
  const listed = new Map<string, { refreshToken: string; authTime: number }>();
  for (let offset = 0; ; offset += count) {
    const page = await withTokenRetry(
      () => deps.component.token(),
      (t) => deps.component.tokenFailed(t),
      (t) => deps.http.call('apiGetAuthorizerList', { component_appid: deps.componentAppid(), offset, count }, t),
    );
    for (const item of page.list ?? []) {
      listed.set(item.authorizer_appid, { refreshToken: item.refresh_token ?? '', authTime: item.auth_time });
    }
    if ((page.list ?? []).length < count || offset + count >= page.total_count) break;
  }
  report.listed = listed.size;

  for (const [appid, item] of listed) {
    const rec = store.authorizers.data.byAppid[appid];
    const local = vault.get(authorizerRefreshTokenName(appid));
    if (!item.refreshToken) {
      // Code never exchanged: nothing to recover unless our own token still belongs to a live authorization.
      if (!local || (rec && rec.status !== 'authorized')) report.withoutRefreshToken.push(appid);
    } else if (!local) {
      await vault.set(authorizerRefreshTokenName(appid), item.refreshToken);
      report.recovered.push(appid);
    } else if (local !== item.refreshToken && rec && rec.status !== 'authorized') {
      await vault.set(authorizerRefreshTokenName(appid), item.refreshToken);
    }
    // Listed with a refresh token while marked lost: the merchant authorized again (new token), or our revoked mark
    // came from an earlier list that missed it (same token).
    const revived =
      rec !== undefined &&
      rec.status !== 'authorized' &&
      item.refreshToken !== '' &&
      (rec.status === 'revoked' || item.refreshToken !== local);
    if (!rec) report.added.push(appid);
    if (revived) report.reauthorized.push(appid);
    if (!rec || revived) {
      await store.authorizers.update((d) => {
        const base = d.byAppid[appid] ?? blankAuthorizer(appid, clock.now());
        d.byAppid[appid] = {
          ...base,
          status: 'authorized',
          statusReason: null,
          authTime: item.authTime,
          updatedAt: clock.now(),
        };
      });
    }
  }

  const gone = Object.values(store.authorizers.data.byAppid).filter(
    (r) => r.status !== 'revoked' && !listed.has(r.appid),
  );
  if (gone.length > 0) {
    await store.authorizers.update((d) => {
      for (const r of gone) {
        d.byAppid[r.appid] = {
          ...r,
          status: 'revoked',
          statusReason: storeCoded(coded('status_absent_from_list')),
          updatedAt: clock.now(),
        };
      }
    });
    for (const r of gone) {
      await vault.delete(authorizerAccessTokenName(r.appid));
      report.revoked.push(r.appid);
    }
  }
  logger.info('authorizers reconciled', { ...report, recovered: report.recovered.length, added: report.added.length });
  return report;
}
