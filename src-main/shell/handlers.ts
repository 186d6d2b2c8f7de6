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
  /**
   * What the core implements, read at call time (the core opens after the channels are registered); a channel it
   * does not implement answers `not_configured`.
   */
  core?: Partial<InvokeHandlers>;
}

/** Registers every channel of the contract, each through the one checking wrapper with its own argument check. */
export function registerHandlers({ isTrustedSender, appInfo, core = {} }: HandlerDeps): void {
  const own: Partial<InvokeHandlers> = { 'app:info': async () => appInfo() };
  for (const channel of INVOKE_CHANNELS) register(channel);

  function register<C extends InvokeChannel>(channel: C): void {
    const handler: Handler<C> = (...args) => {
      const implementation = (own[channel] ?? core[channel]) as Handler<C> | undefined;
      if (implementation === undefined)
        return Promise.reject(
          Object.assign(new Error(`${channel} is not available yet`), { contractCode: 'not_configured' }),
        );
      return implementation(...args);
    };
    registerHandler(channel, isTrustedSender, VALIDATORS[channel], handler);
  }
}
