import { defineAggregate } from '../aggregate/aggregate-def.js';
import type { Infer } from '../aggregate/schema.js';
import { s } from '../aggregate/schema.js';

export const merchantExtSchema = s.object({
  variables: s.record(s.string()),
  /** JSON text deep-merged over the rendered base; null for none. */
  override: s.nullable(s.string()),
});

export const extJsonConfigsSchema = s.object({
  /** Keyed by template id (as a string). */
  byTemplate: s.record(s.object({ base: s.string(), merchants: s.record(merchantExtSchema), updatedAt: s.number() })),
});

export type ExtJsonConfigs = Infer<typeof extJsonConfigsSchema>;
export type StoredExtJsonConfig = ExtJsonConfigs['byTemplate'][string];

export const extJsonConfigsAggregate = defineAggregate({
  name: 'extjson',
  version: 1,
  schema: extJsonConfigsSchema,
  migrations: [],
});
