import { coded } from '../../contract/codes.js';
import type { Coded } from '../../contract/codes.js';
import type { EventRow } from '../../contract/fleet.js';
import { readCoded, storeCoded } from '../platform/store/stored-text.js';
import type { Clock } from '../platform/clock/clock.js';
import type { CursorStore, DedupeStore, RejectedEvent } from '../relay/client/index.js';
import type { EventRecord, Events } from '../platform/store/events-aggregate.js';
import { MAX_APPLIED_IDENTITIES, MAX_RECENT_EVENTS } from '../platform/store/events-aggregate.js';
import type { Store } from '../platform/store/store.js';
import { redactedRecord } from './push-fields.js';

export type NewEvent = Omit<EventRecord, 'id' | 'appliedAt' | 'summary'> & { summary: Coded };

export interface EventLog {
  /** The relay cursor, persisted in the store before the relay client acks. */
  readonly cursorStore: CursorStore;
  /** De-duplication on the decrypted identity, backed by the same file as the rows. */
  readonly dedupe: DedupeStore;
  /** Appends the row and remembers its identity in one durable write. */
  record(event: NewEvent): Promise<EventRow>;
  recordRejected(event: RejectedEvent): Promise<EventRow>;
  list(query: { search?: string; limit?: number }): EventRow[];
}

export const toEventRow = (r: EventRecord): EventRow => ({
  id: r.id,
  at: r.receivedAt,
  kind: r.kind,
  appid: r.appid,
  summary: readCoded(r.summary),
  fields: { ...r.fields },
});

const idOf = (event: NewEvent): string => (event.seq > 0 ? `e${event.seq}` : `x${event.identity.slice(0, 12)}`);

function keepIdentity(d: Events, identity: string): void {
  if (identity === '' || d.applied.includes(identity)) return;
  d.applied.push(identity);
  if (d.applied.length > MAX_APPLIED_IDENTITIES) d.applied.splice(0, d.applied.length - MAX_APPLIED_IDENTITIES);
}

export function createEventLog(store: Store, clock: Clock): EventLog {
  const applied = new Set(store.events.data.applied);

  const record = async (event: NewEvent): Promise<EventRow> => {
    const row: EventRecord = { ...event, summary: storeCoded(event.summary), id: idOf(event), appliedAt: clock.now() };
    await store.events.update((d) => {
      keepIdentity(d, event.identity);
      d.recent.push(row);
      if (d.recent.length > MAX_RECENT_EVENTS) d.recent.splice(0, d.recent.length - MAX_RECENT_EVENTS);
    });
    if (event.identity !== '') applied.add(event.identity);
    if (applied.size > MAX_APPLIED_IDENTITIES * 2) {
      applied.clear();
      store.events.data.applied.forEach((i) => applied.add(i));
    }
    return toEventRow(row);
  };

  return {
    cursorStore: {
      load: async () => store.relayCursor.data.cursor,
      save: async (seq) => {
        if (store.relayCursor.data.cursor === seq) return;
        await store.relayCursor.update((d) => {
          d.cursor = seq;
          d.updatedAt = clock.now();
        });
      },
    },
    dedupe: {
      seen: async (identity) => applied.has(identity),
      remember: async (identity) => {
        if (applied.has(identity)) return;
        await store.events.update((d) => keepIdentity(d, identity));
        applied.add(identity);
      },
    },
    record,
    recordRejected: (event) => record(rejectedRow(event, clock)),
    list: ({ search, limit }) => {
      const needle = search?.trim().toLowerCase() ?? '';
      const rows = [...store.events.data.recent]
        .reverse()
        .map(toEventRow)
        .filter((r) => needle === '' || JSON.stringify(r).toLowerCase().includes(needle));
      return rows.slice(0, Math.max(1, Math.min(limit ?? 100, MAX_RECENT_EVENTS)));
    },
  };
}

function rejectedRow(event: RejectedEvent, clock: Clock): NewEvent {
  const base = { identity: '', kind: 'rejected', appid: null };
  if (event.kind === 'missing') {
    return {
      ...base,
      seq: 0,
      receivedAt: new Date(clock.now()).toISOString(),
      summary: coded('event_pushes_lost', { from: event.fromSeq, to: event.toSeq }),
      fields: redactedRecord({ fromSeq: event.fromSeq, toSeq: event.toSeq, detail: event.detail }),
    };
  }
  return {
    ...base,
    seq: event.seq,
    appid: event.raw.appid,
    receivedAt: event.raw.receivedAt,
    summary:
      event.kind === 'invalid'
        ? coded('event_push_rejected', { reason: event.reason })
        : coded('event_push_apply_failed', { attempts: event.attempts }),
    fields: redactedRecord({ channel: event.raw.channel, detail: event.detail }),
  };
}
