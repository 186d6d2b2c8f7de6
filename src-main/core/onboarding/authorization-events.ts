import type { AuthorizationPush, UnauthorizedPush } from '@wxfleet/protocol';
import type { EmitEvent } from '../../contract/handlers.js';
import type { Clock } from '../platform/clock/clock.js';
import type { Logger } from '../platform/log/logger.js';
import type { AppliedAuthCallbackEvent } from '../relay/client/index.js';
import type { Store } from '../platform/store/store.js';
import { setAuthorizerStatus } from '../wechat/tokens/authorizer-status.js';
import { authorizerAccessTokenName, authorizerRefreshTokenName } from '../platform/vault/secret-names.js';
import type { Vault } from '../platform/vault/vault.js';
import { revokedReason } from './notices.js';
import type { Redemption } from './redemption.js';

export interface AuthorizationEventDeps {
  store: Store;
  vault: Vault;
  clock: Clock;
  logger: Logger;
  emit: EmitEvent;
  redemption: Redemption;
}

export interface AuthorizationEvents {
  onAuthorization(push: AuthorizationPush): Promise<void>;
  onUnauthorized(push: UnauthorizedPush): Promise<void>;
  onCallback(event: AppliedAuthCallbackEvent): Promise<void>;
}

/** What the `authorized`/`updateauthorized`/`unauthorized` pushes and the launch-page redirect mean for the fleet. */
export function createAuthorizationEvents(deps: AuthorizationEventDeps): AuthorizationEvents {
  const { store, vault, clock, logger, emit, redemption } = deps;
  return {
    async onAuthorization(push) {
      await redemption.redeem({
        code: push.authorizationCode,
        appid: push.authorizerAppid,
        preAuthCode: push.preAuthCode,
        update: push.kind === 'updateauthorized',
      });
    },
    async onCallback(event) {
      await redemption.redeem({ code: event.authCode, inviteId: event.inviteId });
    },
    async onUnauthorized(push) {
      const appid = push.authorizerAppid;
      await vault.delete(authorizerAccessTokenName(appid));
      await vault.delete(authorizerRefreshTokenName(appid));
      await setAuthorizerStatus(store, clock, appid, 'revoked', revokedReason);
      logger.warn('mini-program revoked the authorization', { appid });
      emit('authorizers:changed', { appids: [appid] });
    },
  };
}
