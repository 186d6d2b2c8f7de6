/**
 * The transport-independent half of every handler: validate, call, turn the outcome into a `Result`. The Electron
 * shell adds the sender check in front of it; the web host adds its session token.
 */
import { coded, isCoded } from './codes';
import type { Coded } from './codes';
import type { InvokeHandlers } from './handlers';
import type { InvokeChannel, InvokeMap } from './ipc';
import { ERROR_CODES } from './result';
import type { ContractError, ErrorCode, Result } from './result';
import { validateArgs } from './validators';

const isErrorCode = (v: unknown): v is ErrorCode => typeof v === 'string' && ERROR_CODES.includes(v as ErrorCode);

/** What a WeChatError (duck-typed: the contract imports no core) means for the user. */
function wechatReason(e: Record<string, unknown>): Coded {
  const errcode = typeof e['errcode'] === 'number' ? e['errcode'] : null;
  const endpoint = typeof e['endpoint'] === 'string' ? e['endpoint'] : '';
  if (e['kind'] === 'relay') return coded('relay_tunnel_failed', { endpoint }, errcode);
  if (errcode !== null) return coded('wechat_rejected', { endpoint }, errcode);
  if (typeof e['httpStatus'] === 'number') return coded('wechat_http_status', { endpoint, status: e['httpStatus'] });
  return coded('wechat_unreachable', { endpoint });
}

/**
 * Errors that say what they are — `contractCode` + `reason` (CodedError and the core's own error classes),
 * WeChatError, the vault's KEYCHAIN_UNAVAILABLE — keep their code and reason; anything else is `internal`, its text
 * stays in the log.
 */
export function toContractError(error: unknown): ContractError {
  if (typeof error !== 'object' || error === null) return { code: 'internal' };
  const e = error as Record<string, unknown>;
  const reason = isCoded(e['reason']) ? e['reason'] : undefined;
  const withReason = (code: ErrorCode, r: Coded | undefined): ContractError => ({
    code,
    ...(r?.errcode === undefined ? {} : { errcode: r.errcode }),
    ...(r === undefined ? {} : { reason: r }),
  });
  if (isErrorCode(e['contractCode'])) return withReason(e['contractCode'], reason);
  if (e['code'] === 'KEYCHAIN_UNAVAILABLE') return withReason('keychain_unavailable', coded('keychain_unavailable'));
  if (e['name'] === 'WeChatError') {
    const r = wechatReason(e);
    return withReason(e['kind'] === 'relay' ? 'relay_unreachable' : 'wechat_error', r);
  }
  if (isErrorCode(e['code'])) return withReason(e['code'], reason);
  return withReason('internal', reason);
}

export type HandlerTable = Partial<InvokeHandlers>;

export async function dispatch<C extends InvokeChannel>(
  handlers: HandlerTable,
  channel: C,
  args: unknown[],
): Promise<Result<InvokeMap[C]['result']>> {
  if (!validateArgs(channel, args))
    return { ok: false, error: { code: 'invalid_argument', reason: coded('bad_arguments', { channel }) } };
  const handler = handlers[channel] as ((...a: InvokeMap[C]['args']) => Promise<InvokeMap[C]['result']>) | undefined;
  if (handler === undefined)
    return { ok: false, error: { code: 'not_configured', reason: coded('channel_unavailable', { channel }) } };
  try {
    return { ok: true, value: await handler(...args) };
  } catch (error) {
    return { ok: false, error: toContractError(error) };
  }
}
