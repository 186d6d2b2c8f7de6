import { z } from 'zod';
import { inviteIdSchema, rpcIdSchema, seqSchema } from './ids.js';

/** Frames a device (desktop) sends to the relay. Unknown keys are dropped; unknown types are refused. */

export const helloSchema = z.object({
  type: z.literal('hello'),
  version: z.number().int().min(0).max(65_535),
  cursor: seqSchema,
});

export const ackSchema = z.object({ type: z.literal('ack'), seq: seqSchema });

export const rpcErrorSchema = z.object({
  code: z.string().max(64),
  message: z.string().max(1_000),
});

export const rpcResultSchema = z.discriminatedUnion('ok', [
  z.object({ type: z.literal('rpc_result'), id: rpcIdSchema, ok: z.literal(true), value: z.unknown() }),
  z.object({ type: z.literal('rpc_result'), id: rpcIdSchema, ok: z.literal(false), error: rpcErrorSchema }),
]);

export const inviteSchema = z.object({
  id: inviteIdSchema,
  /** Shown on the launch page, e.g. the merchant's name. */
  label: z.string().max(200).optional(),
  revoked: z.boolean().optional(),
  /** ISO time after which the launch page refuses the invitation. */
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export const inviteFrameSchema = z.object({ type: z.literal('invite'), invite: inviteSchema });

export const clientFrameSchema = z.discriminatedUnion('type', [
  helloSchema,
  ackSchema,
  rpcResultSchema,
  inviteFrameSchema,
]);

export type HelloFrame = z.infer<typeof helloSchema>;
export type AckFrame = z.infer<typeof ackSchema>;
export type RpcResultFrame = z.infer<typeof rpcResultSchema>;
export type WireInvite = z.infer<typeof inviteSchema>;
export type InviteFrame = z.infer<typeof inviteFrameSchema>;
export type ClientFrame = z.infer<typeof clientFrameSchema>;
