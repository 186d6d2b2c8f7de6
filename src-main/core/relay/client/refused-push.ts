import type { InvalidReason } from './types.js';

/**
 * Thrown by `apply` for a push that verified and decrypted but must not be applied (its signed content contradicts
 * the unsigned URL it came to): recorded as invalid and passed at once, never retried.
 */
export class RefusedPushError extends Error {
  constructor(
    readonly reason: InvalidReason,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'RefusedPushError';
  }
}
