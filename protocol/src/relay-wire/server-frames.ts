import { z } from 'zod';
import { QUERY_VALUE, channelSchema, inviteIdSchema, rpcIdSchema, seqSchema, variantSchema } from './ids.js';

/** Frames the relay sends to a device. */

export const welcomeSchema = z.object({ type: z.literal('welcome'), version: z.number().int(), headSeq: seqSchema });

export const pushQuerySchema = z.object({
  timestamp: z.string(),
  nonce: z.string(),
  msg_signature: z.string(),
});

export const pushSchema = z.object({
  type: z.literal('push'),
  seq: seqSchema.min(1),
  receivedAt: z.string(),
  channel: channelSchema,
  appid: z.string().nullable(),
  query: pushQuerySchema,
  body: z.string(),
});

export const authorizationUrlParamsSchema = z.object({ inviteId: inviteIdSchema, variant: variantSchema });
/** What the desktop answers `authorizationUrl` with: the URL, or `{url}`. */
export const authorizationUrlValueSchema = z.union([
  z.string().max(8_192),
  z.object({ url: z.string().max(8_192) }).transform((v) => v.url),
]);

export const rpcSchema = z.object({
  type: z.literal('rpc'),
  id: rpcIdSchema,
  method: z.string().max(64),
  params: z.unknown(),
});

export const serverFrameSchema = z.discriminatedUnion('type', [welcomeSchema, pushSchema, rpcSchema]);

export type WelcomeFrame = z.infer<typeof welcomeSchema>;
export type PushFrameWire = z.infer<typeof pushSchema>;
export type PushQueryWire = z.infer<typeof pushQuerySchema>;
export type RpcFrame = z.infer<typeof rpcSchema>;
export type AuthorizationUrlParams = z.infer<typeof authorizationUrlParamsSchema>;
export type ServerFrame = z.infer<typeof serverFrameSchema>;

/** Whether the three signed query values look like what WeChat sends (the relay refuses anything else). */
export const isSignedQueryValue = (value: string): boolean => QUERY_VALUE.test(value);
