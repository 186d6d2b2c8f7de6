import { toContractError } from '../../contract/dispatch.js';
import type { InvokeHandlers } from '../../contract/handlers.js';
import type { InvokeChannel } from '../../contract/ipc.js';
import type { Logger } from '../platform/log/logger.js';

type AnyHandler = (...args: unknown[]) => Promise<unknown>;

/**
 * Every failed call is logged (redacted) before it crosses as a code: the window says "details are in the log" for
 * an internal error, so the log must hold them. Refusals the user can fix are warnings, the rest errors.
 */
export function loggedHandlers(logger: Logger, handlers: InvokeHandlers): InvokeHandlers {
  const wrap =
    (channel: InvokeChannel, handler: AnyHandler): AnyHandler =>
    async (...args) => {
      try {
        return await handler(...args);
      } catch (error) {
        const { code, reason } = toContractError(error);
        const level = code === 'internal' ? 'error' : 'warn';
        logger[level]('a call failed', { channel, code, reason: reason?.code, error });
        throw error;
      }
    };
  return Object.fromEntries(
    (Object.entries(handlers) as [InvokeChannel, AnyHandler][]).map(([channel, h]) => [channel, wrap(channel, h)]),
  ) as unknown as InvokeHandlers;
}
