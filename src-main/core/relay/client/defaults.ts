import WebSocket from 'ws';
import type { SocketFactory } from './connection.js';
import type { RelayClock, RelayLogger } from './types.js';

export const systemClock: RelayClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const nothing = (): void => undefined;
export const silentLogger: RelayLogger = { debug: nothing, info: nothing, warn: nothing, error: nothing };

export const wsFactory: SocketFactory = (url, options) => new WebSocket(url, options);
