import type { Backoff } from './backoff.js';
import type { DisconnectReason } from './status.js';

/** Reasons a quick retry cannot fix: a person has to change the token or update a side. */
const NEEDS_A_PERSON: ReadonlySet<DisconnectReason> = new Set(['unauthorized', 'incompatible']);
/** Reasons the very next connection is expected to fix. */
const AT_ONCE: ReadonlySet<DisconnectReason> = new Set(['relay_reset', 'gap_retry']);
/** Failures on our side: a welcome does not prove they are over, only a processed push does. */
const OUR_FAULT: ReadonlySet<DisconnectReason> = new Set(['processing_failed', 'credentials_missing']);

export const needsAPerson = (reason: DisconnectReason): boolean => NEEDS_A_PERSON.has(reason);

/** How long to wait after a connection ended for `reason`; counts an attempt on the backoff. */
export function retryDelay(reason: DisconnectReason, backoff: Backoff, slowRetryMs: number): number {
  if (AT_ONCE.has(reason)) return 0;
  const next = backoff.next();
  return NEEDS_A_PERSON.has(reason) ? slowRetryMs : next;
}

/** Whether a welcome after a connection that ended for `reason` counts as a good connection. */
export const welcomeResetsBackoff = (lastReason: DisconnectReason | null): boolean =>
  lastReason === null || !OUR_FAULT.has(lastReason);
