import type { ApiGetAuthorizerInfoResponse } from '@wxfleet/protocol';
import type { EmitEvent } from '../../contract/handlers.js';
import type { Clock } from '../platform/clock/clock.js';
import type { Logger } from '../platform/log/logger.js';
import { blankExtra } from '../platform/store/authorizer-extras-aggregate.js';
import type { Store } from '../platform/store/store.js';
import { blankAuthorizer } from '../wechat/tokens/authorizer-status.js';
import type { WeChatStack } from '../wechat/wechat-stack.js';
import { authorizerRefreshTokenName } from '../platform/vault/secret-names.js';
import type { Vault } from '../platform/vault/vault.js';

export interface AuthorizerSyncDeps {
  store: Store;
  vault: Vault;
  clock: Clock;
  logger: Logger;
  emit: EmitEvent;
  wechat: WeChatStack;
  /** Reads a mini-program's versions from WeChat into the version ledger (getversioninfo), after its info. */
  readVersions: (appid: string) => Promise<unknown>;
}

export interface AuthorizerSync {
  /**
   * api_get_authorizer_info into the store (name, gh_ id, principal, permission sets, avatar). With
   * `adoptRefreshToken` the refresh token WeChat returns replaces ours (we know a newer grant exists).
   */
  refreshInfo(appid: string, options?: { adoptRefreshToken?: boolean }): Promise<void>;
  /**
   * Reconciles with api_get_authorizer_list, then refreshes the info and reads the versions of one mini-program or
   * of all, so the list and drift are right from the first sync.
   */
  sync(appid: string | null): Promise<string[]>;
}

const INFO_CONCURRENCY = 4;

export const funcIdsOf = (funcInfo: { funcscope_category: { id: number } }[] | undefined): number[] =>
  [...new Set((funcInfo ?? []).map((f) => f.funcscope_category.id))].sort((a, b) => a - b);

export function createAuthorizerSync(deps: AuthorizerSyncDeps): AuthorizerSync {
  const { store, vault, clock, logger } = deps;

  async function save(appid: string, res: ApiGetAuthorizerInfoResponse, adopt: boolean): Promise<void> {
    const info = res.authorizer_info;
    const auth = res.authorization_info;
    const name = authorizerRefreshTokenName(appid);
    // A refresh token we lost (or one of a grant we missed) comes back with the info: keep it before anything else.
    if (
      auth.authorizer_refresh_token &&
      (adopt ? vault.get(name) !== auth.authorizer_refresh_token : !vault.has(name))
    ) {
      await vault.set(name, auth.authorizer_refresh_token);
    }
    const now = clock.now();
    await store.authorizers.update((d) => {
      const rec = d.byAppid[appid] ?? blankAuthorizer(appid, now);
      d.byAppid[appid] = {
        ...rec,
        nickname: info.nick_name || rec.nickname,
        userName: info.user_name || rec.userName,
        principal: info.principal_name || rec.principal,
        funcInfo: auth.func_info ? funcIdsOf(auth.func_info) : rec.funcInfo,
        updatedAt: now,
      };
    });
    await store.authorizerExtras.update((d) => {
      const extra = d.byAppid[appid] ?? blankExtra();
      d.byAppid[appid] = { ...extra, headImg: info.head_img || extra.headImg, syncedAt: now };
    });
  }

  async function refreshInfo(appid: string, options: { adoptRefreshToken?: boolean } = {}): Promise<void> {
    const res = await deps.wechat.api.apiGetAuthorizerInfo({
      component_appid: store.settings.data.componentAppid,
      authorizer_appid: appid,
    });
    await save(appid, res, options.adoptRefreshToken === true);
  }

  return {
    refreshInfo,
    async sync(appid) {
      await deps.wechat.reconcile();
      const targets =
        appid === null
          ? Object.values(store.authorizers.data.byAppid)
              .filter((a) => a.status === 'authorized')
              .map((a) => a.appid)
          : [appid];
      const queue = [...targets];
      const failed: string[] = [];
      const worker = async (): Promise<void> => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const target = next;
          await refreshInfo(target).catch((error: unknown) => {
            failed.push(target);
            logger.warn('authorizer info not refreshed', { appid: target, error });
          });
          await deps.readVersions(target).catch((error: unknown) => {
            logger.warn('versions not read from WeChat', { appid: target, error });
          });
        }
      };
      await Promise.all(Array.from({ length: INFO_CONCURRENCY }, worker));
      if (appid !== null && failed.length > 0) await refreshInfo(appid);
      deps.emit('authorizers:changed', { appids: targets });
      return targets;
    },
  };
}
