import { defineAggregate } from '../aggregate/aggregate-def.js';
import type { Infer } from '../aggregate/schema.js';
import { s } from '../aggregate/schema.js';

export const relayCursorSchema = s.object({
  /** Last relay seq applied; persisted before it is acked. */
  cursor: s.number(0),
  updatedAt: s.number(0),
});

export type RelayCursor = Infer<typeof relayCursorSchema>;

export const relayCursorAggregate = defineAggregate({
  name: 'relay-cursor',
  version: 1,
  schema: relayCursorSchema,
  migrations: [],
});
