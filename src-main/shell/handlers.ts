import type { IpcMainInvokeEvent } from 'electron';
import type { AppInfo } from '@contract/ipc';
import { registerHandler } from './ipc-registry';

export interface HandlerDeps {
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  appInfo: () => AppInfo;
}

const noArgs = (args: unknown[]): args is [] => args.length === 0;

/** Registers every channel of the contract, each through the one checking wrapper. */
export function registerHandlers({ isTrustedSender, appInfo }: HandlerDeps): void {
  registerHandler('app:info', isTrustedSender, noArgs, async () => appInfo());
}
