/** WebSocket close codes the relay uses, with the reason text (≤ 123 bytes, as RFC 6455 allows). */
export const CLOSE = {
  /** Relay shutting down; reconnect later. */
  goingAway: 1001,
  /** The client's hello asked for a version this relay does not speak. */
  unsupportedVersion: 1002,
  /** A binary frame. */
  unsupportedData: 1003,
  /** A frame that is not valid protocol (bad JSON, wrong fields, no hello first, ack beyond what was sent). */
  policyViolation: 1008,
  /** A frame over maxPayload. */
  tooBig: 1009,
  /** The relay failed while handling a valid frame. */
  internalError: 1011,
  /** The device token was revoked. */
  deviceRevoked: 4401,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

const MAX_REASON_BYTES = 123;

/** Cuts a close reason to what a close frame can carry, on a character boundary. */
export function closeReason(text: string): string {
  if (Buffer.byteLength(text) <= MAX_REASON_BYTES) return text;
  let cut = text.slice(0, MAX_REASON_BYTES);
  while (Buffer.byteLength(cut) > MAX_REASON_BYTES) cut = cut.slice(0, -1);
  return cut;
}
