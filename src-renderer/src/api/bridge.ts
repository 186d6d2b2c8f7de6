import type { Bridge } from '@contract/bridge';
import type { EventChannel, EventMap, InvokeChannel, InvokeMap } from '@contract/ipc';
import type { ContractError } from '@contract/result';
import { createWebBridge } from './web-bridge';

let current: Bridge | undefined;

/** The Electron preload's bridge when present, else the browser host's; tests may install a fake. */
export function bridge(): Bridge {
  current ??= window.wxfleet ?? createWebBridge();
  return current;
}

export function useBridge(fake: Bridge): void {
  current = fake;
}

export class ApiError extends Error {
  constructor(readonly error: ContractError) {
    super(error.reason?.code ?? error.code);
  }
}

/** Invokes a channel and unwraps its `Result`; failures become an `ApiError` carrying the contract error. */
export async function call<C extends InvokeChannel>(
  channel: C,
  ...args: InvokeMap[C]['args']
): Promise<InvokeMap[C]['result']> {
  const result = await bridge().invoke(channel, ...args);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function subscribe<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void {
  return bridge().on(channel, listener);
}
