import { defineAggregate } from '../aggregate-def.js';
import type { Infer } from '../schema.js';
import { s } from '../schema.js';

export const MAX_APPLIED_IDENTITIES = 5000;
export const MAX_RECENT_EVENTS = 200;

export const eventRecordSchema = s.object({
  identity: s.string(),
  seq: s.number(),
  kind: s.string(),
  appid: s.nullable(s.string()),
  receivedAt: s.string(),
  appliedAt: s.number(),
  summary: s.string(),
});

export type EventRecord = Infer<typeof eventRecordSchema>;

export const eventsSchema = s.object({
  /** Decrypted push identities already applied, oldest first (bounded). */
  applied: s.array(s.string()),
  recent: s.array(eventRecordSchema),
});

export type Events = Infer<typeof eventsSchema>;

export const eventsAggregate = defineAggregate({ name: 'events', version: 1, schema: eventsSchema, migrations: [] });
