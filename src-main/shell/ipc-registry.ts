import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import type { InvokeChannel, InvokeMap } from '@contract/ipc';
import type { Result } from '@contract/result';
import type { ArgsCheck } from '@contract/validators';
import { coded } from '@contract/codes';
import { toContractError } from '@contract/dispatch';

export type Handler<C extends InvokeChannel> = (...args: InvokeMap[C]['args']) => Promise<InvokeMap[C]['result']>;
export type { ArgsCheck };

/** Registers a contract channel: the sender must be our own renderer and the arguments must pass their check. */
export function registerHandler<C extends InvokeChannel>(
  channel: C,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  checkArgs: ArgsCheck<C>,
  handler: Handler<C>,
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<Result<InvokeMap[C]['result']>> => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'untrusted_sender' } };
    if (!checkArgs(args))
      return { ok: false, error: { code: 'invalid_argument', reason: coded('bad_arguments', { channel }) } };
    try {
      return { ok: true, value: await handler(...args) };
    } catch (error) {
      return { ok: false, error: toContractError(error) };
    }
  });
}
