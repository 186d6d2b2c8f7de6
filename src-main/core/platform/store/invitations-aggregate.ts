import { defineAggregate } from '../aggregate/aggregate-def.js';
import type { Infer } from '../aggregate/schema.js';
import { s } from '../aggregate/schema.js';

export const INVITATION_STATUSES = ['pending', 'done', 'revoked'] as const;
/** Pre-auth codes remembered per invitation (hashes), to tie an `authorized` push to the link that was used. */
export const MAX_PRE_AUTH_CODES = 20;
/** Authorization codes already exchanged (hashes): redemption happens once however often the code arrives. */
export const MAX_REDEEMED = 2000;

export const invitationSchema = s.object({
  id: s.string(),
  note: s.string(),
  status: s.literal(INVITATION_STATUSES, 'pending'),
  createdAt: s.number(),
  authorizerAppid: s.nullable(s.string()),
  warning: s.nullable(s.string()),
  preAuthCodes: s.array(s.string()),
});

export type InvitationRecord = Infer<typeof invitationSchema>;

export const redemptionSchema = s.object({ codeHash: s.string(), appid: s.string(), at: s.number() });

export type RedemptionRecord = Infer<typeof redemptionSchema>;

export const invitationsSchema = s.object({
  byId: s.record(invitationSchema),
  redeemed: s.array(redemptionSchema),
});

export type Invitations = Infer<typeof invitationsSchema>;

export const invitationsAggregate = defineAggregate({
  name: 'invitations',
  version: 1,
  schema: invitationsSchema,
  migrations: [],
});
