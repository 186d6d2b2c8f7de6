import { coded } from '../../../contract/codes.js';
import { storeCoded } from '../../platform/store/stored-text.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Logger } from '../../platform/log/logger.js';
import type { Store } from '../../platform/store/store.js';
import type { ExpiringSecret } from '../../platform/vault/secret-names.js';
import { authorizerAccessTokenName, authorizerRefreshTokenName } from '../../platform/vault/secret-names.js';
import type { Vault } from '../../platform/vault/vault.js';
import { withTokenRetry } from '../client/token-source.js';
import { WeChatError } from '../client/wechat-error.js';
import type { WeChatHttp } from '../client/wechat-http.js';
import { setAuthorizerStatus } from './authorizer-status.js';
import { CircuitBreaker } from './circuit-breaker.js';
import type { ComponentTokens } from './component-token.js';
import type { RefreshTiming } from './refresh-timing.js';
import { DEFAULT_TIMING, refreshAt } from './refresh-timing.js';
import { SingleFlight } from './single-flight.js';
import { AuthorizerUnavailableError } from './token-errors.js';

export interface AuthorizerTokenDeps {
  http: WeChatHttp;
  vault: Vault;
  store: Store;
  component: ComponentTokens;
  clock: Clock;
  logger: Logger;
  componentAppid: () => string;
  random?: () => number;
  timing?: Partial<RefreshTiming>;
  /** Tries to get a lost refresh token back (reconciliation); called at most once per token request. */
  recoverRefreshToken?: (appid: string) => Promise<void>;
  /** Told once when a refresh finds the authorization lost and the authorizer has just been marked so. */
  onAuthorizationLost?: AuthorizationLostHook;
}

export type AuthorizationLostHook = (appid: string, status: 'needs_reauth' | 'revoked', reason: string) => void;

export interface GrantedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

export interface AuthorizerTokens {
  token(appid: string): Promise<string>;
  tokenFailed(appid: string, failed: string): void;
  /** Stores tokens from api_query_auth: the refresh token is durable before anything uses the access token. */
  adopt(appid: string, granted: GrantedTokens): Promise<void>;
}

/** 61023 refresh_token invalid / 42007 password changed → re-authorize; 61003 → the merchant revoked. */
const LOST = new Map<number, 'needs_reauth' | 'revoked'>([
  [61023, 'needs_reauth'],
  [42007, 'needs_reauth'],
  [61003, 'revoked'],
]);

export function createAuthorizerTokens(deps: AuthorizerTokenDeps): AuthorizerTokens {
  const { vault, store, clock, logger } = deps;
  const timing = { ...DEFAULT_TIMING, ...deps.timing };
  const random = deps.random ?? Math.random;
  const flight = new SingleFlight<string>();
  const breakers = new Map<string, CircuitBreaker>();
  const softDeadlines = new Map<string, number>();

  const breakerFor = (appid: string): CircuitBreaker => {
    let b = breakers.get(appid);
    if (!b) breakers.set(appid, (b = new CircuitBreaker({ name: `authorizer token ${appid}`, clock, logger })));
    return b;
  };

  function gate(appid: string): void {
    const rec = store.authorizers.data.byAppid[appid];
    if (rec && rec.status !== 'authorized') {
      throw new AuthorizerUnavailableError(
        appid,
        rec.status === 'revoked' ? 'REVOKED' : 'NEEDS_REAUTH',
        rec.statusReason ?? rec.status,
      );
    }
  }

  async function save(appid: string, accessToken: string, expiresIn: number, refreshToken: string): Promise<void> {
    if (refreshToken && vault.get(authorizerRefreshTokenName(appid)) !== refreshToken) {
      await vault.set(authorizerRefreshTokenName(appid), refreshToken);
    }
    const now = clock.now();
    const secret: ExpiringSecret = { value: accessToken, obtainedAt: now, expiresAt: now + expiresIn * 1000 };
    softDeadlines.set(appid, refreshAt(secret.expiresAt, timing, random));
    await vault.set(authorizerAccessTokenName(appid), secret);
  }

  async function refresh(appid: string): Promise<string> {
    gate(appid);
    let refreshToken = vault.get(authorizerRefreshTokenName(appid));
    if (!refreshToken && deps.recoverRefreshToken) {
      await deps.recoverRefreshToken(appid);
      gate(appid);
      refreshToken = vault.get(authorizerRefreshTokenName(appid));
    }
    if (!refreshToken) throw new AuthorizerUnavailableError(appid, 'REFRESH_TOKEN_MISSING', 'no refresh token');
    const breaker = breakerFor(appid);
    breaker.check();
    try {
      const req = {
        component_appid: deps.componentAppid(),
        authorizer_appid: appid,
        authorizer_refresh_token: refreshToken,
      };
      const res = await withTokenRetry(
        () => deps.component.token(),
        (t) => deps.component.tokenFailed(t),
        (t) => deps.http.call('apiAuthorizerToken', req, t),
      );
      await save(appid, res.authorizer_access_token, res.expires_in, res.authorizer_refresh_token || refreshToken);
      breaker.success();
      return res.authorizer_access_token;
    } catch (err) {
      const lost = err instanceof WeChatError && err.errcode !== null ? LOST.get(err.errcode) : undefined;
      if (!lost) {
        breaker.failure(err);
        throw err;
      }
      const reason = storeCoded(coded('status_lost_errcode', {}, (err as WeChatError).errcode));
      await setAuthorizerStatus(store, clock, appid, lost, reason);
      await vault.delete(authorizerAccessTokenName(appid));
      logger.warn('authorizer lost its authorization', { appid, status: lost, reason });
      deps.onAuthorizationLost?.(appid, lost, reason);
      throw new AuthorizerUnavailableError(appid, lost === 'revoked' ? 'REVOKED' : 'NEEDS_REAUTH', reason);
    }
  }

  const refreshShared = (appid: string): Promise<string> => flight.run(appid, () => refresh(appid));

  return {
    token(appid) {
      gate(appid);
      const cached = vault.get(authorizerAccessTokenName(appid));
      const now = clock.now();
      if (cached && now < cached.expiresAt - timing.hardMarginMs) {
        let soft = softDeadlines.get(appid);
        if (soft === undefined) softDeadlines.set(appid, (soft = refreshAt(cached.expiresAt, timing, random)));
        if (now >= soft && !flight.isRunning(appid) && !breakerFor(appid).isOpen) {
          refreshShared(appid).catch((err: unknown) =>
            logger.warn('early authorizer token refresh failed', { appid, error: err }),
          );
        }
        return Promise.resolve(cached.value);
      }
      return refreshShared(appid);
    },
    tokenFailed(appid, failed) {
      if (vault.get(authorizerAccessTokenName(appid))?.value !== failed) return;
      logger.info('authorizer token rejected by WeChat; dropped', { appid });
      vault
        .delete(authorizerAccessTokenName(appid))
        .catch((err: unknown) => logger.warn('vault delete failed', { error: err }));
    },
    adopt: async (appid, granted) => {
      await save(appid, granted.accessToken, granted.expiresIn, granted.refreshToken);
      const rec = store.authorizers.data.byAppid[appid];
      if (rec && rec.status !== 'authorized') await setAuthorizerStatus(store, clock, appid, 'authorized', null);
    },
  };
}
