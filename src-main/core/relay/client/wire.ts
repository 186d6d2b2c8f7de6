import { INVITE_ID, PROTOCOL_VERSION } from '@wxfleet/protocol';
import type { InviteVariant, PushQuery, RawPush, RelayInvite } from './types.js';

/** DESIGN.md §3: the version and id rules are shared with the relay (protocol/src/relay-wire). */
export { INVITE_ID, PROTOCOL_VERSION };

/** A push frame; `problem` says what was wrong with it when only its seq could be read. */
export interface PushFrame extends RawPush {
  problem?: string;
}

export type ServerMessage =
  | { type: 'welcome'; version: number; headSeq: number }
  | { type: 'push'; frame: PushFrame }
  | { type: 'rpc'; id: string | number; method: string; params: unknown }
  | { type: 'other'; name: string };

export class WireError extends Error {}

export type RpcResultFrame =
  | { type: 'rpc_result'; id: string | number; ok: true; value: unknown }
  | { type: 'rpc_result'; id: string | number; ok: false; error: { code: string; message: string } };

type Fields = Record<string, unknown>;

const isSeq = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function readQuery(value: unknown): PushQuery | null {
  if (typeof value !== 'object' || value === null) return null;
  const q = value as Fields;
  const { timestamp, nonce, msg_signature: signature } = q;
  if (typeof timestamp !== 'string' || typeof nonce !== 'string' || typeof signature !== 'string') return null;
  return { timestamp, nonce, msg_signature: signature };
}

function readPush(m: Fields): PushFrame {
  const seq = m['seq'];
  if (!isSeq(seq) || seq === 0) throw new WireError('push without a valid seq');
  const query = readQuery(m['query']);
  const appid = m['appid'];
  const frame: PushFrame = {
    seq,
    receivedAt: str(m['receivedAt']),
    channel: str(m['channel']),
    appid: typeof appid === 'string' ? appid : null,
    query: query ?? { timestamp: '', nonce: '', msg_signature: '' },
    body: str(m['body']),
  };
  if (typeof m['body'] !== 'string') frame.problem = 'push has no string body';
  else if (query === null && frame.channel !== 'auth_callback')
    frame.problem = 'push has no timestamp/nonce/msg_signature';
  return frame;
}

/** Parses one relay → client text frame. Throws WireError when it is not a usable message; unknown types pass. */
export function parseServerMessage(text: string): ServerMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WireError('frame is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new WireError('frame is not an object');
  const m = value as Fields;
  switch (m['type']) {
    case 'welcome':
      if (typeof m['version'] !== 'number' || !isSeq(m['headSeq']))
        throw new WireError('welcome needs version and headSeq');
      return { type: 'welcome', version: m['version'], headSeq: m['headSeq'] };
    case 'push':
      return { type: 'push', frame: readPush(m) };
    case 'rpc': {
      const id = m['id'];
      if ((typeof id !== 'string' && typeof id !== 'number') || typeof m['method'] !== 'string') {
        throw new WireError('rpc needs an id and a method');
      }
      return { type: 'rpc', id, method: m['method'], params: m['params'] };
    }
    default:
      return { type: 'other', name: typeof m['type'] === 'string' ? m['type'] : '' };
  }
}

export const helloFrame = (cursor: number): string =>
  JSON.stringify({ type: 'hello', version: PROTOCOL_VERSION, cursor });
export const ackFrame = (seq: number): string => JSON.stringify({ type: 'ack', seq });
export const inviteFrame = (invite: RelayInvite): string => JSON.stringify({ type: 'invite', invite });
export const rpcResultFrame = (result: RpcResultFrame): string => JSON.stringify(result);

export function readAuthorizationParams(params: unknown): { inviteId: string; variant: InviteVariant } | null {
  if (typeof params !== 'object' || params === null) return null;
  const p = params as Fields;
  const inviteId = p['inviteId'];
  const variant = p['variant'];
  if (typeof inviteId !== 'string' || !INVITE_ID.test(inviteId)) return null;
  if (variant !== 'pc' && variant !== 'mobile') return null;
  return { inviteId, variant };
}

/** Accepts ws(s):// as is; turns an http(s) relay origin into its `/ws` endpoint. */
export function toWebSocketUrl(relayUrl: string): string {
  const url = new URL(relayUrl);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    throw new Error(`relay URL must be http(s) or ws(s), got ${url.protocol}`);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/ws';
  return url.href;
}

/** Origin and path only: for logs (no credentials, no query). */
export function displayUrl(wsUrl: string): string {
  const url = new URL(wsUrl);
  return `${url.protocol}//${url.host}${url.pathname}`;
}
