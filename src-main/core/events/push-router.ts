import { coded } from '../../contract/codes.js';
import type { Push } from '@wxfleet/protocol';
import type { EmitEvent } from '../../contract/handlers.js';
import type { Clock } from '../platform/clock/clock.js';
import type { PushBus } from './push-bus.js';
import type { EventLog } from './event-log.js';
import { pushKind, redactedFields, redactedRecord, summarizePush } from './push-fields.js';
import type { AuthorizationEvents } from '../onboarding/authorization-events.js';
import type { AppliedAuthCallbackEvent, AppliedEvent, AppliedPushEvent } from '../relay/client/index.js';
import type { Store } from '../platform/store/store.js';
import type { TicketStore } from '../wechat/tokens/ticket-store.js';

export interface PushRouterDeps {
  store: Store;
  clock: Clock;
  emit: EmitEvent;
  tickets: TicketStore;
  authorization: AuthorizationEvents;
  pushBus: PushBus;
  eventLog: EventLog;
}

/**
 * The relay client's `apply`: routes one decrypted push to its owner, then records it (row and identity in one
 * write). A failure anywhere throws, so the push is delivered again; every step is idempotent.
 */
export function createPushRouter(deps: PushRouterDeps): (event: AppliedEvent) => Promise<void> {
  const { store, clock, emit, eventLog } = deps;

  const appidOf = (event: AppliedPushEvent): string | null => {
    const push = event.push;
    if ('authorizerAppid' in push) return push.authorizerAppid;
    if (event.appid !== null) return event.appid;
    if ('toUserName' in push) {
      const found = Object.values(store.authorizers.data.byAppid).find((a) => a.userName === push.toUserName);
      return found?.appid ?? null;
    }
    return null;
  };

  /** Never later than now: a ticket replayed from a backlog keeps its real age. */
  const receivedMs = (iso: string): number => {
    const at = Date.parse(iso);
    return Number.isFinite(at) ? Math.min(at, clock.now()) : clock.now();
  };

  async function route(push: Push, event: AppliedPushEvent): Promise<void> {
    switch (push.kind) {
      case 'component_verify_ticket':
        return deps.tickets.put(push.ticket, receivedMs(event.receivedAt));
      case 'authorized':
      case 'updateauthorized':
        return deps.authorization.onAuthorization(push);
      case 'unauthorized':
        return deps.authorization.onUnauthorized(push);
      default:
        return;
    }
  }

  async function onCallback(event: AppliedAuthCallbackEvent): Promise<void> {
    await deps.authorization.onCallback(event);
    const row = await eventLog.record({
      identity: event.identity,
      seq: event.seq,
      kind: 'auth_callback',
      appid: null,
      receivedAt: event.receivedAt,
      summary: coded('event_auth_callback', { invite: event.inviteId }),
      fields: redactedRecord({ inviteId: event.inviteId, auth_code: event.authCode, expires_in: event.expiresIn }),
    });
    emit('events:appended', row);
  }

  return async (event) => {
    if (event.kind === 'auth_callback') return onCallback(event);
    await route(event.push, event);
    const appid = appidOf(event);
    await deps.pushBus.publish({ seq: event.seq, receivedAt: event.receivedAt, appid, push: event.push });
    const row = await eventLog.record({
      identity: event.identity,
      seq: event.seq,
      kind: pushKind(event.push),
      appid,
      receivedAt: event.receivedAt,
      summary: summarizePush(event.push, appid),
      fields: redactedFields(event.push),
    });
    emit('events:appended', row);
  };
}
