import { createHash } from 'node:crypto';
import { parseEnvelope, parsePush, pushIdentity, WxCryptError } from '@wxfleet/protocol';
import type { AppliedAuthCallbackEvent, AppliedEvent, AppliedPushEvent, InvalidReason, PushCrypt } from './types.js';
import type { PushFrame } from './wire.js';

export type Decoded = { ok: true; event: AppliedEvent } | { ok: false; reason: InvalidReason; detail: string };

const invalid = (reason: InvalidReason, detail: string): Decoded => ({ ok: false, reason, detail });

/** The stored and logged form of an identity: raw identities can hold a ticket or an authorization code. */
export function identityKey(identity: string): string {
  return createHash('sha256').update(identity, 'utf8').digest('hex');
}

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : error instanceof Error
      ? error.name
      : 'error';

/**
 * Verifies `msg_signature` over `<Encrypt>`, decrypts with the current then previous keys, and parses the inner
 * XML. Details name error codes only, never decrypted content.
 */
export function decodeWechatPush(frame: PushFrame, channel: 'component' | 'app', crypt: PushCrypt): Decoded {
  let encrypt: string;
  try {
    encrypt = parseEnvelope(frame.body).encrypt;
  } catch (error) {
    return invalid('bad_envelope', `outer XML refused: ${errorCode(error)}`);
  }
  const { timestamp, nonce, msg_signature: signature } = frame.query;
  if (!crypt.verify(signature, timestamp, nonce, encrypt)) {
    return invalid('bad_signature', 'msg_signature does not match <Encrypt> with the configured Token');
  }
  let message: string;
  let keyIndex: number;
  try {
    ({ message, keyIndex } = crypt.decryptWithKey(encrypt));
  } catch (error) {
    if (error instanceof WxCryptError)
      return invalid('undecryptable', `decryption failed: ${error.code} (${error.demoCode})`);
    throw error;
  }
  let push: AppliedPushEvent['push'];
  try {
    push = parsePush(message, channel);
  } catch (error) {
    return invalid('bad_inner_xml', `inner XML refused: ${errorCode(error)}`);
  }
  const event: AppliedPushEvent = {
    kind: 'push',
    seq: frame.seq,
    receivedAt: frame.receivedAt,
    channel,
    appid: frame.appid,
    identity: identityKey(pushIdentity(push)),
    keyIndex,
    push,
  };
  return { ok: true, event };
}

/** The body is the redirect's query string: `invite_id=…&auth_code=…&expires_in=…`. */
export function decodeAuthCallback(frame: PushFrame): Decoded {
  const params = new URLSearchParams(frame.body);
  const inviteId = params.get('invite_id') ?? '';
  const authCode = params.get('auth_code') ?? '';
  if (inviteId === '' || authCode === '')
    return invalid('bad_auth_callback', 'callback without invite_id or auth_code');
  const expires = Number(params.get('expires_in') ?? '');
  const event: AppliedAuthCallbackEvent = {
    kind: 'auth_callback',
    seq: frame.seq,
    receivedAt: frame.receivedAt,
    identity: identityKey(['auth_callback', inviteId, authCode].map(encodeURIComponent).join('|')),
    inviteId,
    authCode,
    expiresIn: params.has('expires_in') && Number.isFinite(expires) ? expires : null,
  };
  return { ok: true, event };
}

/** Routes a frame to its decoder; needs a crypt only for WeChat channels. */
export function decodeFrame(frame: PushFrame, crypt: PushCrypt | null): Decoded | 'needs_crypt' {
  if (frame.problem !== undefined) return invalid('malformed_frame', frame.problem);
  switch (frame.channel) {
    case 'auth_callback':
      return decodeAuthCallback(frame);
    case 'component':
    case 'app':
      return crypt === null ? 'needs_crypt' : decodeWechatPush(frame, frame.channel, crypt);
    default:
      return invalid('unknown_channel', `unknown channel "${frame.channel.slice(0, 40)}"`);
  }
}

/** What may be logged about an event: kind and (hashed) identity, nothing decrypted. */
export function eventKind(event: AppliedEvent): string {
  return event.kind === 'push' ? event.push.kind : 'auth_callback';
}
