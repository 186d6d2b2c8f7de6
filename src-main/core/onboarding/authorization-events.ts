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
  /** False when the callback was ignored: its invitation is not waiting for a merchant (see below). */
  onCallback(event: AppliedAuthCallbackEvent): Promise<boolean>;
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
      // The redirect is unauthenticated: anyone can send one. Only an open invitation whose link was handed out can
      // have a merchant coming back, so anything else costs no WeChat call (a code already redeemed costs none).
      const invite = store.invitations.data.byId[event.inviteId];
      const awaited = invite?.status === 'pending' && invite.preAuthCodes.length > 0;
      if (!awaited && !redemption.isRedeemed(event.authCode)) {
        logger.warn('authorization callback ignored: its invitation is not open', {
          inviteId: event.inviteId.slice(0, 64),
          status: invite?.status ?? 'unknown',
        });
        return false;
      }
      await redemption.redeem({ code: event.authCode, inviteId: event.inviteId });
      return true;
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
