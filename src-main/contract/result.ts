/** The closed list of error codes that cross from main to the renderer. WeChat errors keep their errcode. */
export type ErrorCode =
  | 'invalid_argument'
  | 'untrusted_sender'
  | 'not_configured'
  | 'keychain_unavailable'
  | 'wechat_error'
  | 'relay_unreachable'
  /** A deploy where no mini-program passed the readiness pre-flight; the message lists them and their items. */
  | 'not_ready'
  | 'internal';

export interface ContractError {
  code: ErrorCode;
  message: string;
  /** Present when code is 'wechat_error'. */
  errcode?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };
