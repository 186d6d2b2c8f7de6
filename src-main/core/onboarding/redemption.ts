import { coded } from '../../contract/codes.js';
import { storeCoded } from '../platform/store/stored-text.js';
import type { EmitEvent } from '../../contract/handlers.js';
import type { Clock } from '../platform/clock/clock.js';
import type { Logger } from '../platform/log/logger.js';
import { MAX_REDEEMED } from '../platform/store/invitations-aggregate.js';
import type { Store } from '../platform/store/store.js';
import { blankAuthorizer } from '../wechat/tokens/authorizer-status.js';
import type { WeChatStack } from '../wechat/wechat-stack.js';
import { WeChatError } from '../wechat/client/wechat-error.js';
import type { AuthorizerSync } from './authorizer-sync.js';
import { funcIdsOf } from './authorizer-sync.js';
import { codeHash } from './code-hash.js';
import type { InvitationService } from './invitation-service.js';
import { missingCodePermission } from './notices.js';

export interface RedemptionDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  emit: EmitEvent;
  wechat: WeChatStack;
  invitations: InvitationService;
  sync: AuthorizerSync;
}

/** An authorization code and what came with it: the callback knows the invitation, the push the appid. */
export interface CodeArrival {
  code: string;
  inviteId?: string | null;
  preAuthCode?: string | null;
  appid?: string | null;
  /** `updateauthorized`: the same merchant, new permission sets. */
  update?: boolean;
}

export interface Redemption {
  /** Exchanges the code once, however many times and from wherever it arrives; returns the appid when known. */
  redeem(arrival: CodeArrival): Promise<string | null>;
  /** This code was exchanged already (redeeming it again calls no WeChat API). */
  isRedeemed(code: string): boolean;
}

/** 61009 code used, 61010 code expired: the exchange cannot be repeated; reconciliation recovers what it can. */
const CODE_GONE = new Set([61009, 61010]);

export function createRedemption(deps: RedemptionDeps): Redemption {
  const { store, clock, logger, emit } = deps;
  const inFlight = new Map<string, Promise<string | null>>();

  const redeemed = (hash: string): string | undefined =>
    store.invitations.data.redeemed.find((r) => r.codeHash === hash)?.appid;

  async function link(arrival: CodeArrival, appid: string): Promise<void> {
    const invite =
      (arrival.inviteId ? store.invitations.data.byId[arrival.inviteId] : undefined) ??
      deps.invitations.byPreAuthCode(arrival.preAuthCode ?? '');
    if (invite === undefined) return;
    const funcInfo = store.authorizers.data.byAppid[appid]?.funcInfo ?? [];
    const warning = funcInfo.includes(18) ? null : storeCoded(coded('invitation_missing_code_permission', { appid }));
    await deps.invitations.complete(invite.id, appid, warning);
  }

  async function exchange(arrival: CodeArrival, hash: string): Promise<string | null> {
    const componentAppid = store.settings.data.componentAppid;
    let appid: string;
    let funcInfo: number[];
    try {
      const res = await deps.wechat.api.apiQueryAuth({
        component_appid: componentAppid,
        authorization_code: arrival.code,
      });
      const info = res.authorization_info;
      appid = info.authorizer_appid;
      funcInfo = funcIdsOf(info.func_info);
      // adopt() makes the refresh token durable before the access token is stored or used.
      if (info.authorizer_refresh_token) {
        await deps.wechat.authorizers.adopt(appid, {
          accessToken: info.authorizer_access_token ?? '',
          expiresIn: info.expires_in ?? 0,
          refreshToken: info.authorizer_refresh_token,
        });
      }
    } catch (error) {
      if (!(error instanceof WeChatError && error.errcode !== null && CODE_GONE.has(error.errcode))) throw error;
      if (!arrival.appid) {
        logger.warn('authorization code already used or expired; nothing to link it to', { errcode: error.errcode });
        return null;
      }
      // Exchanged before a crash: WeChat holds a refresh token of this grant we may never have stored.
      logger.warn('authorization code already used or expired; recovering the grant', { appid: arrival.appid });
      appid = arrival.appid;
      const recovered = await deps.sync.refreshInfo(appid, { adoptRefreshToken: true }).then(
        () => true,
        (e: unknown) => {
          // 61003: no longer authorized (a stale code of a grant since revoked): nothing to recover.
          if (e instanceof WeChatError && e.errcode === 61003) return false;
          throw e;
        },
      );
      if (!recovered) return null;
      funcInfo = store.authorizers.data.byAppid[appid]?.funcInfo ?? [];
    }
    const now = clock.now();
    await store.authorizers.update((d) => {
      const rec = d.byAppid[appid] ?? blankAuthorizer(appid, now);
      const granted = funcInfo.length > 0 ? funcInfo : rec.funcInfo;
      d.byAppid[appid] = { ...rec, funcInfo: granted, status: 'authorized', statusReason: null, updatedAt: now };
    });
    await deps.sync.refreshInfo(appid).catch((error: unknown) => {
      logger.warn('authorizer info not fetched after authorization', { appid, error });
    });
    await store.invitations.update((d) => {
      d.redeemed.push({ codeHash: hash, appid, at: now });
      if (d.redeemed.length > MAX_REDEEMED) d.redeemed.splice(0, d.redeemed.length - MAX_REDEEMED);
    });
    logger.info(arrival.update ? 'authorization updated' : 'mini-program authorized', { appid });
    const granted = store.authorizers.data.byAppid[appid]?.funcInfo ?? [];
    if (!granted.includes(18)) {
      emit('app:notice', {
        kind: 'missing_code_permission',
        appid,
        message: missingCodePermission(appid),
      });
    }
    emit('authorizers:changed', { appids: [appid] });
    return appid;
  }

  return {
    isRedeemed: (code) => redeemed(codeHash(code)) !== undefined,
    async redeem(arrival) {
      const hash = codeHash(arrival.code);
      const done = redeemed(hash);
      if (done !== undefined) {
        await link(arrival, done);
        return done;
      }
      let pending = inFlight.get(hash);
      if (pending === undefined) {
        pending = exchange(arrival, hash).finally(() => inFlight.delete(hash));
        inFlight.set(hash, pending);
      }
      const appid = await pending;
      if (appid !== null) await link(arrival, appid);
      return appid;
    },
  };
}
