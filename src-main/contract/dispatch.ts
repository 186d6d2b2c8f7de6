/**
 * The transport-independent half of every handler: validate, call, turn the outcome into a `Result`. The Electron
 * shell adds the sender check in front of it; the web host adds its session token.
 */
import type { InvokeHandlers } from './handlers';
import type { InvokeChannel, InvokeMap } from './ipc';
import type { ContractError, ErrorCode, Result } from './result';
import { validateArgs } from './validators';

/** Separates the Chinese and English halves of a WeChat error message; the renderer shows the half it needs. */
export const MESSAGE_LANGUAGE_SEPARATOR = ' ‖ ';

const CODES: readonly ErrorCode[] = [
  'invalid_argument',
  'untrusted_sender',
  'not_configured',
  'keychain_unavailable',
  'wechat_error',
  'relay_unreachable',
  'not_ready',
  'internal',
];

type Bilingual = { zh: string; en: string };
const isBilingual = (v: unknown): v is Bilingual =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Bilingual).zh === 'string' &&
  typeof (v as Bilingual).en === 'string';

/** Duck-typed so the contract stays free of core imports: WeChatError, VaultError and errors carrying a contract code. */
export function toContractError(error: unknown): ContractError {
  if (typeof error !== 'object' || error === null) return { code: 'internal', message: String(error) };
  const e = error as Record<string, unknown>;
  const message = typeof e['message'] === 'string' ? e['message'] : String(error);
  if (typeof e['contractCode'] === 'string' && CODES.includes(e['contractCode'] as ErrorCode))
    return { code: e['contractCode'] as ErrorCode, message };
  if (e['code'] === 'KEYCHAIN_UNAVAILABLE') return { code: 'keychain_unavailable', message };
  if (typeof e['code'] === 'string' && CODES.includes(e['code'] as ErrorCode))
    return {
      code: e['code'] as ErrorCode,
      message,
      ...(typeof e['errcode'] === 'number' ? { errcode: e['errcode'] } : {}),
    };
  if (e['name'] === 'WeChatError') {
    if (e['kind'] === 'relay') return { code: 'relay_unreachable', message };
    const errcode = typeof e['errcode'] === 'number' ? e['errcode'] : undefined;
    const explanation = isBilingual(e['explanation']) ? e['explanation'] : { zh: message, en: message };
    const fix = isBilingual(e['fix']) ? e['fix'] : { zh: '', en: '' };
    const zh = [explanation.zh, fix.zh].filter(Boolean).join(' ');
    const en = [explanation.en, fix.en].filter(Boolean).join(' ');
    return {
      code: 'wechat_error',
      message: `${zh}${MESSAGE_LANGUAGE_SEPARATOR}${en}`,
      ...(errcode === undefined ? {} : { errcode }),
    };
  }
  return { code: 'internal', message };
}

export type HandlerTable = Partial<InvokeHandlers>;

export async function dispatch<C extends InvokeChannel>(
  handlers: HandlerTable,
  channel: C,
  args: unknown[],
): Promise<Result<InvokeMap[C]['result']>> {
  if (!validateArgs(channel, args))
    return { ok: false, error: { code: 'invalid_argument', message: `bad arguments for ${channel}` } };
  const handler = handlers[channel] as ((...a: InvokeMap[C]['args']) => Promise<InvokeMap[C]['result']>) | undefined;
  if (handler === undefined)
    return { ok: false, error: { code: 'not_configured', message: `${channel} is not available in this build` } };
  try {
    return { ok: true, value: await handler(...args) };
  } catch (error) {
    return { ok: false, error: toContractError(error) };
  }
}
