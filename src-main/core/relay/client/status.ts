export type ConnectionState = 'stopped' | 'connecting' | 'connected' | 'disconnected';

export type DisconnectReason =
  /** The relay refused the device token (401/403 on upgrade) or revoked it (close 4401): retried only slowly. */
  | 'unauthorized'
  | 'too_many_connections'
  /** The relay speaks another protocol version. */
  | 'incompatible'
  | 'protocol'
  /** No traffic for two ping intervals. */
  | 'dead'
  | 'network'
  | 'relay_closed'
  | 'server_error'
  /** Applying or persisting a push failed; it will be delivered again. */
  | 'processing_failed'
  /** EncodingAESKey/Token not configured yet: pushes wait on the relay. */
  | 'credentials_missing'
  /** The relay's head is behind our cursor (its queue was reset): replaying it from the start. */
  | 'relay_reset'
  /** A seq gap: reconnecting once to ask for the missing pushes again. */
  | 'gap_retry';

export interface RelayStatus {
  state: ConnectionState;
  /** Why the last connection ended; null while connected or before the first attempt. */
  reason: DisconnectReason | null;
  /** One line for the user; never holds a token. */
  detail: string | null;
  /** Clock time of the last state change. */
  since: number;
  /** Clock time of the next connection attempt while disconnected. */
  nextRetryAt: number | null;
  /** Failed attempts since the last good connection. */
  attempt: number;
  /** Last seq durably applied (or recognized as duplicate or invalid). */
  cursor: number;
  /** Highest seq the relay is known to hold (welcome, then every push); null before the first welcome. */
  headSeq: number | null;
  /** headSeq - cursor: pushes waiting; null before the first welcome. */
  backlog: number | null;
  /** Clock time the last push was processed. */
  lastPushAt: number | null;
  /** When the relay received that push (ISO, the relay's clock). */
  lastPushReceivedAt: string | null;
}

export type StatusListener = (status: RelayStatus) => void;

/** Holds the status snapshot and tells listeners about every change. */
export class StatusBoard {
  private current: RelayStatus;
  private readonly listeners = new Set<StatusListener>();

  constructor(now: number) {
    this.current = {
      state: 'stopped',
      reason: null,
      detail: null,
      since: now,
      nextRetryAt: null,
      attempt: 0,
      cursor: 0,
      headSeq: null,
      backlog: null,
      lastPushAt: null,
      lastPushReceivedAt: null,
    };
  }

  get(): RelayStatus {
    return { ...this.current };
  }

  update(patch: Partial<RelayStatus>): void {
    const next = { ...this.current, ...patch };
    if (next.headSeq !== null && next.cursor > next.headSeq) next.headSeq = next.cursor;
    next.backlog = next.headSeq === null ? null : next.headSeq - next.cursor;
    this.current = next;
    for (const listener of this.listeners) {
      try {
        listener({ ...next });
      } catch {
        // A failing UI listener must not break delivery.
      }
    }
  }

  subscribe(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const USER_TEXT: Record<DisconnectReason, string> = {
  unauthorized:
    'The relay refused this device token (unknown or revoked). Check the relay URL and device token in Settings; create a new token with "wxfleet-relay device add NAME".',
  too_many_connections: 'The relay has too many open connections for this device token; close other consoles using it.',
  incompatible: 'The relay speaks another protocol version; update the relay or this console.',
  protocol: 'The relay and this console disagreed on the protocol; reconnecting.',
  dead: 'The relay stopped answering; reconnecting.',
  network: 'The relay cannot be reached; reconnecting.',
  relay_closed: 'The relay closed the connection; reconnecting.',
  server_error: 'The relay answered with a server error; reconnecting.',
  processing_failed: 'A push could not be processed; it will be delivered again.',
  credentials_missing: 'Pushes are waiting on the relay until the platform Token and EncodingAESKey are set.',
  relay_reset: 'The relay reports fewer pushes than this console applied (its queue was reset); replaying it.',
  gap_retry: 'Some pushes were missing from the relay stream; asking for them again.',
};

export function describeReason(reason: DisconnectReason): string {
  return USER_TEXT[reason];
}
