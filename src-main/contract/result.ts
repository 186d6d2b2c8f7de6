import type { Coded, Params } from './codes';

/** The closed list of error kinds that cross from main to the renderer; `reason` says exactly what went wrong. */
export type ErrorCode =
  | 'invalid_argument'
  | 'untrusted_sender'
  | 'not_configured'
  | 'keychain_unavailable'
  | 'wechat_error'
  | 'relay_unreachable'
  /** A deploy where no mini-program passed the readiness pre-flight; the reason lists them and their items. */
  | 'not_ready'
  | 'internal';

export const ERROR_CODES: readonly ErrorCode[] = [
  'invalid_argument',
  'untrusted_sender',
  'not_configured',
  'keychain_unavailable',
  'wechat_error',
  'relay_unreachable',
  'not_ready',
  'internal',
];

/** No prose: the renderer words `code` (title, advice) and `reason` from its i18n, `errcode` from the catalogue. */
export interface ContractError {
  code: ErrorCode;
  params?: Params;
  /** Present when WeChat answered with an errcode. */
  errcode?: number;
  reason?: Coded;
}

/** An error the core throws on purpose: what kind of problem, and exactly which one. */
export class CodedError extends Error {
  override readonly name = 'CodedError';
  constructor(
    readonly contractCode: ErrorCode,
    readonly reason: Coded,
  ) {
    super(`${contractCode}: ${reason.code}${reason.params ? ` ${JSON.stringify(reason.params)}` : ''}`);
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };
