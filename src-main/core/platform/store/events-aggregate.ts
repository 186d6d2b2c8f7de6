import { defineAggregate } from '../aggregate/aggregate-def.js';
import type { Infer } from '../aggregate/schema.js';
import { s } from '../aggregate/schema.js';

export const MAX_APPLIED_IDENTITIES = 5000;
export const MAX_RECENT_EVENTS = 200;

export const eventRecordSchema = s.object({
  /** Stable row id for the UI (`e<seq>`, `m<from>-<to>` for a missing range). */
  id: s.string(),
  identity: s.string(),
  seq: s.number(),
  kind: s.string(),
  appid: s.nullable(s.string()),
  receivedAt: s.string(),
  appliedAt: s.number(),
  summary: s.string(),
  /** Decrypted fields with tickets, codes and tokens already replaced by `***`. */
  fields: s.record(s.string()),
});

export type EventRecord = Infer<typeof eventRecordSchema>;

export const eventsSchema = s.object({
  /** Decrypted push identities already applied, oldest first (bounded). */
  applied: s.array(s.string()),
  recent: s.array(eventRecordSchema),
});

export type Events = Infer<typeof eventsSchema>;

export const eventsAggregate = defineAggregate({
  name: 'events',
  version: 2,
  schema: eventsSchema,
  migrations: [
    {
      // v1 rows had no id and no fields.
      to: 2,
      up: (data) => {
        const v1 = data as { applied?: unknown[]; recent?: Array<Record<string, unknown>> };
        const recent = (v1.recent ?? []).map((r) => ({ id: `e${String(r['seq'])}`, fields: {}, ...r }));
        return { applied: v1.applied ?? [], recent };
      },
    },
  ],
});
