import { defineAggregate } from '../aggregate/aggregate-def.js';
import type { Infer } from '../aggregate/schema.js';
import { s } from '../aggregate/schema.js';

export const AUTHORIZER_STATUSES = ['authorized', 'needs_reauth', 'revoked'] as const;
export type AuthorizerStatus = (typeof AUTHORIZER_STATUSES)[number];

export const authorizerSchema = s.object({
  appid: s.string(),
  nickname: s.string(),
  /** Original id `gh_…`: the ToUserName of message pushes. */
  userName: s.string(),
  principal: s.string(),
  funcInfo: s.array(s.number()),
  status: s.literal(AUTHORIZER_STATUSES, 'authorized'),
  /** Why the status is not `authorized` (errcode, reconciliation), for the UI. */
  statusReason: s.nullable(s.string()),
  /** Unix seconds of the authorization (api_get_authorizer_list `auth_time`). */
  authTime: s.nullable(s.number()),
  updatedAt: s.number(),
});

export type AuthorizerRecord = Infer<typeof authorizerSchema>;

export const authorizersSchema = s.object({ byAppid: s.record(authorizerSchema) });

export type Authorizers = Infer<typeof authorizersSchema>;

export const authorizersAggregate = defineAggregate({
  name: 'authorizers',
  version: 2,
  schema: authorizersSchema,
  migrations: [
    {
      // v1 had no statusReason / authTime.
      to: 2,
      up: (data) => {
        const v1 = data as { byAppid?: Record<string, Record<string, unknown>> };
        const byAppid = Object.fromEntries(
          Object.entries(v1.byAppid ?? {}).map(([k, a]) => [k, { statusReason: null, authTime: null, ...a }]),
        );
        return { byAppid };
      },
    },
  ],
});
