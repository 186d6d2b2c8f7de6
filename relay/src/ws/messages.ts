import type { StoredEvent } from '../store/event-store.js';

export const PROTOCOL_VERSION = 1;

export type ClientMessage =
  | { type: 'hello'; version: number; cursor: number }
  | { type: 'ack'; seq: number }
  | { type: 'rpc_result'; id: string; ok: true; value: unknown }
  | { type: 'rpc_result'; id: string; ok: false; error: { code: string; message: string } }
  | { type: 'invite'; invite: unknown }
  | { type: 'unknown' };

export class ProtocolError extends Error {}

const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Parses one text frame from a device; throws ProtocolError for anything malformed. Unknown types are tolerated. */
export function parseClientMessage(text: string): ClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProtocolError('frame is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ProtocolError('frame is not an object');
  const m = value as Record<string, unknown>;
  switch (m['type']) {
    case 'hello':
      if (typeof m['version'] !== 'number' || !isSeq(m['cursor']))
        throw new ProtocolError('hello needs version and cursor');
      return { type: 'hello', version: m['version'], cursor: m['cursor'] };
    case 'ack':
      if (!isSeq(m['seq'])) throw new ProtocolError('ack needs a seq');
      return { type: 'ack', seq: m['seq'] };
    case 'rpc_result': {
      const id = m['id'];
      if (typeof id !== 'string' && typeof id !== 'number') throw new ProtocolError('rpc_result needs an id');
      if (m['ok'] === true) return { type: 'rpc_result', id: String(id), ok: true, value: m['value'] };
      const error = (typeof m['error'] === 'object' && m['error'] !== null ? m['error'] : {}) as Record<
        string,
        unknown
      >;
      return {
        type: 'rpc_result',
        id: String(id),
        ok: false,
        error: { code: String(error['code'] ?? 'error'), message: String(error['message'] ?? '') },
      };
    }
    case 'invite':
      return { type: 'invite', invite: m['invite'] };
    default:
      return { type: 'unknown' };
  }
}

export function welcomeFrame(headSeq: number): string {
  return JSON.stringify({ type: 'welcome', version: PROTOCOL_VERSION, headSeq });
}

export function pushFrame(event: StoredEvent): string {
  return JSON.stringify({
    type: 'push',
    seq: event.seq,
    receivedAt: new Date(event.receivedAt).toISOString(),
    channel: event.channel,
    appid: event.appid,
    query: event.query,
    body: event.body,
  });
}

export function rpcFrame(id: string, method: string, params: unknown): string {
  return JSON.stringify({ type: 'rpc', id, method, params });
}
