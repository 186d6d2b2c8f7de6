import { coded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';
import { readCoded, storeCoded } from '../../platform/store/stored-text.js';
import { WeChatError } from '../../wechat/client/wechat-error.js';
import { wechatReason } from '../../wechat/client/wechat-reason.js';

/** As the store keeps it: `message` holds the JSON-encoded `Coded` (see stored-text); `fix` is left empty. */
export interface ItemError {
  errcode: number | null;
  message: string;
  fix: string;
}

export const itemError = (reason: Coded): ItemError => ({
  errcode: reason.errcode ?? null,
  message: storeCoded(reason),
  fix: '',
});

export const itemErrorView = (stored: ItemError): Coded => {
  const reason = readCoded(stored.message);
  return reason.errcode === undefined && stored.errcode !== null ? { ...reason, errcode: stored.errcode } : reason;
};

/** How the job treats a failed step. */
export type FailureKind = 'transient' | 'rate_limited' | 'quota' | 'permanent';

export function failureKind(err: unknown): FailureKind {
  if (!(err instanceof WeChatError)) return 'permanent';
  if (err.errcode === 85085 || err.errcode === 45009) return 'quota';
  if (err.errcode === 45011) return 'rate_limited';
  return err.retryClass === 'transient' ? 'transient' : 'permanent';
}

/** Whether the request may have reached WeChat and changed something (then check before sending it again). */
export function mayHaveArrived(err: unknown): boolean {
  if (!(err instanceof WeChatError)) return true;
  return err.kind !== 'api' || err.errcode === -1;
}

export function itemErrorOf(err: unknown): ItemError {
  return itemError(err instanceof WeChatError ? wechatReason(err) : coded('internal_failure'));
}

/** A failure decided locally, before anything was sent. */
export class LocalStepError extends Error {
  override readonly name = 'LocalStepError';
  constructor(readonly reason: Coded) {
    super(reason.code);
  }
}

export function localItemError(err: LocalStepError): ItemError {
  return itemError(err.reason);
}
