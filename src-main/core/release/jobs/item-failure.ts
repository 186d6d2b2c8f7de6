import { coded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';
import type { ItemState } from '@contract/release';
import type { ReleaseSettings } from '../release-settings.js';
import {
  LocalStepError,
  failureKind,
  itemError,
  itemErrorOf,
  itemErrorView,
  localItemError,
  mayHaveArrived,
} from '../steps/item-error.js';
import type { ItemPatch } from '../steps/step-env.js';
import { backoffDelay } from '../../wechat/client/retry-policy.js';
import type { ItemRecord, PauseKind } from '../../platform/store/release-aggregate.js';
import { PauseSignal, QUOTA_EXHAUSTED } from '../audits/quota-guard.js';

export interface FailureOutcome {
  patch: ItemPatch;
  pause: { kind: PauseKind; reason: Coded } | null;
}

/** Which "sent" marker to clear when a request certainly never reached WeChat (nothing to check next time). */
function clearSent(state: ItemState): ItemPatch {
  if (state === 'pending' || state === 'committing') return { commitSentAt: null };
  if (state === 'submitting') return { submitSentAt: null };
  if (state === 'releasing' || state === 'passed') return { releaseSentAt: null };
  return {};
}

/** Transient → backoff with jitter; quota → pause the job; anything else → the item fails with errcode and fix. */
export function itemFailure(
  item: ItemRecord,
  err: unknown,
  now: number,
  settings: ReleaseSettings,
  random: () => number,
): FailureOutcome {
  const cleared = mayHaveArrived(err) ? {} : clearSent(item.state);
  if (err instanceof PauseSignal)
    return { patch: { ...cleared, nextAt: now }, pause: { kind: err.kind, reason: err.reason } };
  const failed = (error: ItemRecord['error']): FailureOutcome => ({
    patch: { ...cleared, state: 'failed', failedFrom: item.state, error, attempts: item.attempts + 1 },
    pause: null,
  });
  if (err instanceof LocalStepError) return failed(localItemError(err));
  const kind = failureKind(err);
  const error = itemErrorOf(err);
  switch (kind) {
    case 'quota':
      return {
        patch: { ...cleared, nextAt: now, error },
        pause: {
          kind: 'quota',
          reason: error.errcode === 85085 ? QUOTA_EXHAUSTED : coded('pause_quota_errcode', {}, error.errcode),
        },
      };
    case 'rate_limited':
      return {
        patch: { ...cleared, attempts: item.attempts + 1, error, nextAt: now + settings.rateLimitedDelayMs },
        pause: null,
      };
    case 'transient': {
      const attempts = item.attempts + 1;
      if (attempts >= settings.retry.maxAttempts)
        return failed(itemError({ ...itemErrorView(error), code: 'wechat_gave_up', params: { attempts } }));
      return {
        patch: { ...cleared, attempts, error, nextAt: now + backoffDelay(attempts, settings.retry, random) },
        pause: null,
      };
    }
    default:
      return failed(error);
  }
}
