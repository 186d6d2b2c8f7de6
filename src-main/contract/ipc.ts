/** Every channel is a `domain:verb` key of one map, so a rename is a compile error in main, preload and renderer. */
export interface AppInfo {
  name: string;
  version: string;
  profile: string;
}

export interface InvokeMap {
  'app:info': { args: []; result: AppInfo };
}

export interface EventMap {
  'app:error': { message: string };
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;

export const INVOKE_CHANNELS = ['app:info'] as const satisfies readonly InvokeChannel[];
export const EVENT_CHANNELS = ['app:error'] as const satisfies readonly EventChannel[];

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return (INVOKE_CHANNELS as readonly unknown[]).includes(channel);
}

export function isEventChannel(channel: unknown): channel is EventChannel {
  return (EVENT_CHANNELS as readonly unknown[]).includes(channel);
}
