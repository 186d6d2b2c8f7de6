import type { RelayLogger, RpcHandlers } from './types.js';
import { readAuthorizationParams } from './wire.js';
import type { RpcResultFrame } from './wire.js';

const codeOf = (error: unknown): string => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : 'internal';
};

/** The relay shows nothing of the message to merchants, but it is still a third party: keep it short. */
const messageOf = (error: unknown): string =>
  (error instanceof Error ? error.message : 'the console could not answer').replace(/[?#]\S*/g, '').slice(0, 200);

/** Answers one relay RPC; never throws. */
export async function answerRpc(
  id: string | number,
  method: string,
  params: unknown,
  handlers: RpcHandlers,
  logger: RelayLogger,
): Promise<RpcResultFrame> {
  if (method !== 'authorizationUrl') {
    logger.warn('relay rpc with an unknown method', { method: method.slice(0, 40) });
    return {
      type: 'rpc_result',
      id,
      ok: false,
      error: { code: 'unknown_method', message: `unknown method ${method.slice(0, 40)}` },
    };
  }
  const checked = readAuthorizationParams(params);
  if (checked === null) {
    return {
      type: 'rpc_result',
      id,
      ok: false,
      error: { code: 'bad_params', message: 'authorizationUrl needs inviteId and variant pc|mobile' },
    };
  }
  try {
    const url = await handlers.authorizationUrl(checked);
    // The URL carries a pre_auth_code: log that it was made, not the URL.
    logger.info('relay rpc answered', { method, inviteId: checked.inviteId, variant: checked.variant });
    return { type: 'rpc_result', id, ok: true, value: url };
  } catch (error) {
    const code = codeOf(error);
    logger.warn('relay rpc failed', { method, inviteId: checked.inviteId, code });
    return { type: 'rpc_result', id, ok: false, error: { code, message: messageOf(error) } };
  }
}
