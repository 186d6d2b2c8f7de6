import type { Bridge } from '@contract/bridge';
import type { EventChannel, EventMap, InvokeChannel, InvokeMap } from '@contract/ipc';
import type { ContractError, Result } from '@contract/result';
import { useBridge } from '@renderer/api/bridge';

type Handler<C extends InvokeChannel> = (
  ...args: InvokeMap[C]['args']
) => Result<InvokeMap[C]['result']> | Promise<Result<InvokeMap[C]['result']>>;
export type Handlers = { [C in InvokeChannel]?: Handler<C> };

export interface FakeBridge extends Bridge {
  /** Delivers an event to every current listener, the way the preload would. */
  emit<C extends EventChannel>(channel: C, payload: EventMap[C]): void;
  listeners(channel: EventChannel): number;
  calls(channel: InvokeChannel): unknown[][];
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ContractError['code'], reason?: ContractError['reason']): Result<never> => ({
  ok: false,
  error: reason === undefined ? { code } : { code, reason },
});

/**
 * The Electron edge is the one thing renderer tests fake: a `Bridge` answering contract `Result`s.
 * Installed on `window.wxfleet` and made current, so api modules use it exactly as they use the preload's.
 */
export function installFakeBridge(handlers: Handlers): FakeBridge {
  const subscribers = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const log: { channel: InvokeChannel; args: unknown[] }[] = [];

  const fake: FakeBridge = {
    async invoke<C extends InvokeChannel>(
      channel: C,
      ...args: InvokeMap[C]['args']
    ): Promise<Result<InvokeMap[C]['result']>> {
      log.push({ channel, args });
      const handler = handlers[channel] as Handler<C> | undefined;
      if (!handler) return err('internal', { code: 'channel_unavailable', params: { channel } });
      return handler(...args);
    },
    on<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void {
      const set = subscribers.get(channel) ?? new Set();
      subscribers.set(channel, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
    emit(channel, payload) {
      for (const listener of subscribers.get(channel) ?? []) listener(payload);
    },
    listeners: (channel) => subscribers.get(channel)?.size ?? 0,
    calls: (channel) => log.filter((entry) => entry.channel === channel).map((entry) => entry.args),
  };
  window.wxfleet = fake;
  useBridge(fake);
  return fake;
}
