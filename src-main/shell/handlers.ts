import type { IpcMainInvokeEvent } from 'electron';
import type { InvokeHandlers } from '@contract/handlers';
import type { AppInfo, InvokeChannel } from '@contract/ipc';
import { INVOKE_CHANNELS } from '@contract/ipc';
import { VALIDATORS } from '@contract/validators';
import type { Handler } from './ipc-registry';
import { registerHandler } from './ipc-registry';

export interface HandlerDeps {
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  appInfo: () => AppInfo;
  /** What the core implements; a channel it does not (yet) implement answers `not_configured`. */
  core?: Partial<InvokeHandlers>;
}

function unavailable<C extends InvokeChannel>(channel: C): Handler<C> {
  return () => Promise.reject(Object.assign(new Error(`${channel} is not available`), { contractCode: 'not_configured' }));
}

/** Registers every channel of the contract, each through the one checking wrapper with its own argument check. */
export function registerHandlers({ isTrustedSender, appInfo, core = {} }: HandlerDeps): void {
  const table: Partial<InvokeHandlers> = { ...core, 'app:info': async () => appInfo() };
  for (const channel of INVOKE_CHANNELS) register(channel);

  function register<C extends InvokeChannel>(channel: C): void {
    const handler = (table[channel] as Handler<C> | undefined) ?? unavailable(channel);
    registerHandler(channel, isTrustedSender, VALIDATORS[channel], handler);
  }
}
