import type { EventChannel, EventMap, InvokeChannel, InvokeMap } from './ipc';

/** What the core implements for each channel; the shell and the web host only transport it. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (...args: InvokeMap[C]['args']) => Promise<InvokeMap[C]['result']>;
};

export type HandlersOf<C extends InvokeChannel> = Pick<InvokeHandlers, C>;

/** How the core publishes events; the shell forwards them to the window, the web host to its WebSocket. */
export type EmitEvent = <C extends EventChannel>(channel: C, payload: EventMap[C]) => void;
