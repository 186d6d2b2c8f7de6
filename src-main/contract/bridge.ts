import type { EventChannel, EventMap, InvokeChannel, InvokeMap } from './ipc';
import type { Result } from './result';

/** What the preload (or the web host's client) puts on `window.wxfleet`. */
export interface Bridge {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeMap[C]['args']): Promise<Result<InvokeMap[C]['result']>>;
  on<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void;
}
