import { coded } from '../../contract/codes.js';
import type { Push } from '@wxfleet/protocol';
import type { EmitEvent } from '../../contract/handlers.js';
import type { Clock } from '../platform/clock/clock.js';
import type { PushBus } from './push-bus.js';
import type { EventLog } from './event-log.js';
import { pushKind, redactedFields, redactedRecord, summarizePush } from './push-fields.js';
import type { AuthorizationEvents } from '../onboarding/authorization-events.js';
import type { AppliedAuthCallbackEvent, AppliedEvent, AppliedPushEvent } from '../relay/client/index.js';
import { RefusedPushError } from '../relay/client/index.js';
import { attributePush } from './push-attribution.js';
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

  const attribute = (event: AppliedPushEvent): string | null => {
    const found = attributePush(event, {
      componentAppid: store.settings.data.componentAppid,
      authorizers: store.authorizers.data.byAppid,
    });
    if (!found.ok) throw new RefusedPushError('appid_mismatch', found.detail);
    return found.appid;
  };

  /**
   * A ticket is as old as its signed `CreateTime` (never later than now): the relay's receive time would make a
   * replayed old ticket look new. The receive time stands in only when CreateTime is not a number.
   */
  const ticketTimeMs = (createTime: string, receivedAt: string): number => {
    const seconds = Number(createTime);
    const at = createTime !== '' && Number.isFinite(seconds) ? seconds * 1000 : Date.parse(receivedAt);
    return Number.isFinite(at) ? Math.min(at, clock.now()) : clock.now();
  };

  async function route(push: Push, event: AppliedPushEvent): Promise<void> {
    switch (push.kind) {
      case 'component_verify_ticket':
        return deps.tickets.put(push.ticket, ticketTimeMs(push.createTime, event.receivedAt));
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
    // An ignored callback leaves no row: forged ones would fill the events list.
    if (!(await deps.authorization.onCallback(event))) return;
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
    const appid = attribute(event);
    await route(event.push, event);
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
