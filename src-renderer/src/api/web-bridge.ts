import type { Bridge } from '@contract/bridge';
import type { EventChannel, EventMap, InvokeChannel, InvokeMap } from '@contract/ipc';
import type { Result } from '@contract/result';
import { sessionEnded } from './web-session';

type Listener = (payload: unknown) => void;

/**
 * The browser-host flavour of `window.wxfleet`: invoke over same-origin HTTP (the session cookie authenticates),
 * events over one WebSocket that reconnects. Same contract, same `Result` shape as the Electron preload.
 */
export function createWebBridge(origin: string = window.location.origin): Bridge {
  const listeners = new Map<EventChannel, Set<Listener>>();
  let socket: WebSocket | null = null;
  let retryMs = 500;

  const connect = (): void => {
    socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/api/events`);
    socket.onopen = () => {
      retryMs = 500;
    };
    socket.onmessage = (message: MessageEvent<string>) => {
      const frame = JSON.parse(message.data) as { channel: EventChannel; payload: unknown };
      for (const listener of listeners.get(frame.channel) ?? []) listener(frame.payload);
    };
    socket.onclose = () => {
      socket = null;
      // Closed because the session ended (or the host restarted without it): show how to log in again.
      void fetch(`${origin}/api/session`, { credentials: 'same-origin', cache: 'no-store' }).then(
        (res) => (res.status === 401 ? sessionEnded() : undefined),
        () => undefined,
      );
      window.setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    };
  };
  connect();

  return {
    async invoke<C extends InvokeChannel>(
      channel: C,
      ...args: InvokeMap[C]['args']
    ): Promise<Result<InvokeMap[C]['result']>> {
      try {
        const response = await fetch(`${origin}/api/invoke`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ channel, args }),
        });
        if (response.status === 401) sessionEnded();
        return (await response.json()) as Result<InvokeMap[C]['result']>;
      } catch {
        return { ok: false, error: { code: 'internal', reason: { code: 'console_host_unreachable' } } };
      }
    },
    on<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      const wrapped = listener as Listener;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}
