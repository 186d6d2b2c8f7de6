import { defineAggregate } from '../aggregate/aggregate-def.js';
import type { Infer } from '../aggregate/schema.js';
import { s } from '../aggregate/schema.js';

/** What the console keeps about a mini-program besides its authorization: the user's tags and synced profile bits. */
export const authorizerExtraSchema = s.object({
  tags: s.array(s.string()),
  headImg: s.nullable(s.string()),
  /** Clock ms of the last api_get_authorizer_info; 0 for never. */
  syncedAt: s.number(),
});

export type AuthorizerExtra = Infer<typeof authorizerExtraSchema>;

export const authorizerExtrasSchema = s.object({ byAppid: s.record(authorizerExtraSchema) });

export type AuthorizerExtras = Infer<typeof authorizerExtrasSchema>;

export const authorizerExtrasAggregate = defineAggregate({
  name: 'authorizer-extras',
  version: 1,
  schema: authorizerExtrasSchema,
  migrations: [],
});

export const blankExtra = (): AuthorizerExtra => ({ tags: [], headImg: null, syncedAt: 0 });
