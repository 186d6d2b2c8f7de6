import type { Decrypted, Push } from '@wxfleet/protocol';

/** Same shape as the core logger, so `createLogger(...)` from core/platform/log can be passed as is. */
export interface RelayLogger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** The part of the core clock this client uses (method syntax keeps the core `Clock` assignable). */
export interface RelayClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the client needs of `WxCrypt`: a real `WxCrypt` (with its previous keys) fits. */
export interface PushCrypt {
  verify(msgSignature: string, timestamp: string, nonce: string, encrypt: string): boolean;
  decryptWithKey(encrypt: string): Decrypted;
}

/** Read on every push, so a key rotation or a credential change applies at once; null while none is configured. */
export type CryptProvider = () => PushCrypt | null | Promise<PushCrypt | null>;

/** The last relay seq this device has durably applied; 0 for none. */
export interface CursorStore {
  load(): Promise<number>;
  save(seq: number): Promise<void>;
}

/** Identities are sha256 hex digests of `pushIdentity(push)`, never the raw identity (it can hold a ticket). */
export interface DedupeStore {
  seen(identity: string): Promise<boolean>;
  remember(identity: string): Promise<void>;
}

export type InviteVariant = 'pc' | 'mobile';

export interface RpcHandlers {
  /** A fresh authorization (pre_auth_code) URL for the relay's launch page. */
  authorizationUrl(params: { inviteId: string; variant: InviteVariant }): Promise<string>;
}

/** `{"type":"invite","invite":{…}}`: what the relay keeps to serve or refuse its launch page. */
export interface RelayInvite {
  /** 1-64 of [A-Za-z0-9_-]; the relay drops the whole connection for anything else, so it is checked here. */
  id: string;
  label?: string;
  revoked?: boolean;
  /** ISO time. */
  expiresAt?: string;
}

export interface PushQuery {
  timestamp: string;
  nonce: string;
  msg_signature: string;
}

/** A push frame as the relay sent it (still encrypted): enough to store and replay a rejected push. */
export interface RawPush {
  seq: number;
  receivedAt: string;
  channel: string;
  appid: string | null;
  query: PushQuery;
  body: string;
}

export interface AppliedPushEvent {
  kind: 'push';
  seq: number;
  receivedAt: string;
  channel: 'component' | 'app';
  /** The authorizer appid from the relay's `/wechat/app/:appid` path; null on the component channel. */
  appid: string | null;
  /** sha256 hex of `pushIdentity(push)`: the de-duplication key. */
  identity: string;
  /** 0 when the current EncodingAESKey decrypted it, 1… for a previous key. */
  keyIndex: number;
  push: Push;
}

/** The redirect of `GET /authorize/:inviteId/done`. */
export interface AppliedAuthCallbackEvent {
  kind: 'auth_callback';
  seq: number;
  receivedAt: string;
  identity: string;
  inviteId: string;
  authCode: string;
  /** Seconds as sent in `expires_in`; null when absent or not a number. */
  expiresIn: number | null;
}

export type AppliedEvent = AppliedPushEvent | AppliedAuthCallbackEvent;

export type InvalidReason =
  | 'malformed_frame'
  | 'unknown_channel'
  | 'bad_envelope'
  | 'bad_signature'
  | 'undecryptable'
  | 'bad_inner_xml'
  | 'bad_auth_callback'
  /** The decrypted content names another account than the URL it was posted to (a replay across paths). */
  | 'appid_mismatch';

/** Recorded, acked and never applied, so one bad push cannot jam the queue. */
export type RejectedEvent =
  | { kind: 'invalid'; seq: number; reason: InvalidReason; detail: string; raw: RawPush }
  /** `apply` kept failing for this push; kept whole so it can be replayed once the cause is fixed. */
  | { kind: 'apply_failed'; seq: number; attempts: number; detail: string; raw: RawPush }
  /** Seqs the relay no longer has (retention ran out while this device was away): reported, not silently skipped. */
  | { kind: 'missing'; fromSeq: number; toSeq: number; detail: string };
