import type { EmitEvent } from '../../contract/handlers.js';
import type { Clock } from '../platform/clock/clock.js';
import type { Logger } from '../platform/log/logger.js';
import type { RelayClient } from '../relay/client/index.js';
import type { Store } from '../platform/store/store.js';
import type { WeChatStack } from '../wechat/wechat-stack.js';
import type { Vault } from '../platform/vault/vault.js';
import type { AuthorizationEvents } from './authorization-events.js';
import { createAuthorizationEvents } from './authorization-events.js';
import type { AuthorizationPageBases } from './authorization-link.js';
import type { AuthorizerSync } from './authorizer-sync.js';
import { createAuthorizerSync } from './authorizer-sync.js';
import type { InvitationService } from './invitation-service.js';
import { createInvitationService } from './invitation-service.js';
import type { Redemption } from './redemption.js';
import { createRedemption } from './redemption.js';

export interface OnboardingDeps {
  store: Store;
  vault: Vault;
  clock: Clock;
  logger: Logger;
  emit: EmitEvent;
  wechat: WeChatStack;
  relay: () => RelayClient | null;
  pageBases: AuthorizationPageBases;
  /** Reads a mini-program's versions from WeChat into the version ledger during a sync. */
  readVersions: (appid: string) => Promise<unknown>;
}

export interface Onboarding {
  invitations: InvitationService;
  sync: AuthorizerSync;
  redemption: Redemption;
  events: AuthorizationEvents;
}

export function createOnboarding(deps: OnboardingDeps): Onboarding {
  const invitations = createInvitationService(deps);
  const sync = createAuthorizerSync(deps);
  const redemption = createRedemption({ ...deps, invitations, sync });
  const events = createAuthorizationEvents({ ...deps, redemption });
  return { invitations, sync, redemption, events };
}
