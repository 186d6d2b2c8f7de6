import { WeChatError } from '../../wechat/client/wechat-error.js';

export interface ItemError {
  errcode: number | null;
  message: string;
  fix: string;
}

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
  if (err instanceof WeChatError) {
    const code = err.errcode === null ? (err.httpStatus ? `HTTP ${err.httpStatus}` : err.kind) : `${err.errcode}`;
    return { errcode: err.errcode, message: `${code}: ${err.explanation.en}`, fix: err.fix.en };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { errcode: null, message, fix: '' };
}

/** A failure decided locally, before anything was sent. */
export class LocalStepError extends Error {
  override readonly name = 'LocalStepError';
  constructor(
    message: string,
    readonly fix: string,
    readonly errcode: number | null = null,
  ) {
    super(message);
  }
}

export function localItemError(err: LocalStepError): ItemError {
  return { errcode: err.errcode, message: err.message, fix: err.fix };
}
