import type { z } from 'zod';
import { CLOSE, closeReason } from './close-codes.js';
import { clientFrameSchema } from './client-frames.js';
import type { AckFrame, ClientFrame, HelloFrame, InviteFrame, RpcResultFrame, WireInvite } from './client-frames.js';
import { PROTOCOL_VERSION } from './ids.js';
import { serverFrameSchema } from './server-frames.js';
import type { PushFrameWire, RpcFrame, ServerFrame, WelcomeFrame } from './server-frames.js';

/** A frame that is not valid protocol; `closeCode` is what the receiver closes the socket with. */
export class WireError extends Error {
  constructor(
    message: string,
    readonly closeCode: number = CLOSE.policyViolation,
  ) {
    super(closeReason(message));
  }
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid frame';
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

function parseJsonObject(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WireError('frame is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new WireError('frame is not an object');
  return value;
}

/**
 * Parses one device → relay text frame. Total: for any input it returns a validated frame (only the known keys,
 * every field checked) or throws WireError — never anything else.
 */
export function parseClientFrame(text: string): ClientFrame {
  const result = clientFrameSchema.safeParse(parseJsonObject(text));
  if (!result.success) throw new WireError(describe(result.error));
  return result.data;
}

/** Parses one relay → device text frame, with the same guarantees. */
export function parseServerFrame(text: string): ServerFrame {
  const result = serverFrameSchema.safeParse(parseJsonObject(text));
  if (!result.success) throw new WireError(describe(result.error));
  return result.data;
}

// Formatting takes typed values, so no validation on the way out (the push path formats thousands a second).

export const formatHello = (cursor: number): string =>
  JSON.stringify({ type: 'hello', version: PROTOCOL_VERSION, cursor } satisfies HelloFrame);
export const formatAck = (seq: number): string => JSON.stringify({ type: 'ack', seq } satisfies AckFrame);
export const formatInvite = (invite: WireInvite): string =>
  JSON.stringify({ type: 'invite', invite } satisfies InviteFrame);
export const formatRpcResult = (result: RpcResultFrame): string => JSON.stringify(result);

export const formatWelcome = (headSeq: number): string =>
  JSON.stringify({ type: 'welcome', version: PROTOCOL_VERSION, headSeq } satisfies WelcomeFrame);
export const formatPush = (push: Omit<PushFrameWire, 'type'>): string =>
  JSON.stringify({
    type: 'push',
    seq: push.seq,
    receivedAt: push.receivedAt,
    channel: push.channel,
    appid: push.appid,
    query: push.query,
    body: push.body,
  } satisfies PushFrameWire);
export const formatRpc = (id: string, method: string, params: unknown): string =>
  JSON.stringify({ type: 'rpc', id, method, params } satisfies RpcFrame);
