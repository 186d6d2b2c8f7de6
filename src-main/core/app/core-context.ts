import type { InvokeHandlers } from '../../contract/handlers.js';
import type { EmitEvent } from '../../contract/handlers.js';
import type { Clock } from '../platform/clock/clock.js';
import type { PushBus } from '../events/push-bus.js';
import type { ProfilePaths } from '../platform/fs/profile-paths.js';
import type { Logger } from '../platform/log/logger.js';
import type { DetailDecorator, RowDecorator } from '../fleet/authorizer-views.js';
import type { OverviewDecorator } from '../overview/overview.js';
import type { RelayClient } from '../relay/client/index.js';
import type { Store } from '../platform/store/store.js';
import type { WeChatStack } from '../wechat/wechat-stack.js';
import type { Vault } from '../platform/vault/vault.js';

/** What the core hands to the services plugged into it (the release pipeline's `createReleaseHandlers(ctx)`). */
export interface CoreContext {
  readonly profile: string;
  readonly paths: ProfilePaths;
  readonly store: Store;
  readonly vault: Vault;
  /**
   * The WeChat stack (typed `api`, `client`, token managers, `reconcile`). It is rebuilt when the egress settings
   * change: read `ctx.wechat` at the time of each call instead of keeping it.
   */
  readonly wechat: WeChatStack;
  /** Every applied push, in relay order, after the core's own handling (tickets, authorizations). */
  readonly pushBus: PushBus;
  /** The running relay client, or null while the relay URL or device token is not set. */
  readonly relay: RelayClient | null;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly emit: EmitEvent;
  /** Lets the release pipeline fill the parts of authorizer rows/details and of the overview it owns. */
  readonly decorate: {
    authorizerRow(fn: RowDecorator): void;
    authorizerDetail(fn: DetailDecorator): void;
    overview(fn: OverviewDecorator): void;
  };
}

export interface Core {
  /** The core's channels (settings, overview, events, authorizers, invitations) plus `extraHandlers`. */
  readonly handlers: Partial<InvokeHandlers>;
  readonly context: CoreContext;
  /** Stops the relay client (waiting for a push in flight), closes the WeChat transport. */
  close(): Promise<void>;
}
