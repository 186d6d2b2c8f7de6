import type { EndpointName } from '@wxfleet/protocol';
import { WeChatError } from './wechat-error.js';

/**
 * Calls that must not be repeated blindly once they may have reached WeChat: each one changes state or spends a
 * scarce quota (audits, releases, withdrawals 5/day, quota resets 10/month, registrations). Their failures go to the
 * job layer, which checks the current state before trying again.
 */
export const NOT_RETRY_SAFE: ReadonlySet<EndpointName> = new Set<EndpointName>([
  'submitAudit',
  'release',
  'grayRelease',
  'revertGrayRelease',
  'undoCodeAudit',
  'revertCodeRelease',
  'speedupAudit',
  'clearQuota',
  'clearComponentQuotaByAppSecret',
  'clearApiQuota',
  'fastRegisterWeappCreate',
  'fastRegisterPersonalWeappCreate',
  'fastRegisterBetaWeapp',
  'accountFastRegister',
  'verifyBetaWeapp',
]);

/** Transient codes whose wait is far longer than a backoff (61039: a minute) or that another layer owns (ticket). */
const NOT_FOR_QUICK_RETRY = new Set([61039, 61005, 61006]);

export interface RetryOptions {
  /** Attempts in all, including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 3, baseDelayMs: 400, maxDelayMs: 8_000 };

/** Whether a failed attempt may be repeated: transient class only, never a permanent error. */
export function shouldRetry(err: unknown, retrySafe: boolean, sent: boolean): boolean {
  if (!(err instanceof WeChatError) || err.retryClass !== 'transient') return false;
  if (err.errcode !== null && NOT_FOR_QUICK_RETRY.has(err.errcode)) return false;
  // A request that never left the machine can always be repeated.
  return retrySafe || !sent;
}

/** Full-jitter exponential backoff. */
export function backoffDelay(attempt: number, opts: RetryOptions, random: () => number): number {
  const cap = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}
