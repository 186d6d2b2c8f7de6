import type { IncomingMessage } from 'node:http';
import type { ClientOptions, RawData, WebSocket } from 'ws';
import type { DisconnectReason } from './status.js';
import type { RelayClock } from './types.js';

export type SocketFactory = (url: string, options: ClientOptions) => WebSocket;

export interface ConnectionEvents {
  onOpen(): void;
  onText(text: string): void;
  /** Called exactly once, however the connection ended. */
  onClose(reason: DisconnectReason, detail: string): void;
}

export interface ConnectionOptions {
  url: string;
  deviceToken: string;
  createSocket: SocketFactory;
  clock: RelayClock;
  pingIntervalMs: number;
  maxPayload: number;
}

function reasonOfStatus(status: number): DisconnectReason {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 429) return 'too_many_connections';
  if (status >= 500) return 'server_error';
  return 'protocol';
}

function reasonOfClose(code: number): DisconnectReason {
  if (code === 4401) return 'unauthorized';
  if (code === 1002) return 'incompatible';
  if (code === 1003 || code === 1007 || code === 1008 || code === 1009) return 'protocol';
  if (code === 1006) return 'network';
  return 'relay_closed';
}

/** Errors from `ws` name hosts and codes; this keeps any bearer value out of them all the same. */
const clean = (text: string): string => text.replace(/Bearer\s+\S+/gi, 'Bearer [redacted]').slice(0, 200);

/**
 * One WebSocket to the relay: bearer auth on the upgrade, a ping every interval, and a dead peer (no traffic of
 * any kind for two intervals) terminated. Turns every way of ending into one `onClose` with a reason.
 */
export class RelayConnection {
  private readonly socket: WebSocket;
  private lastTraffic: number;
  private timer: unknown = null;
  private ended = false;
  private pending: { reason: DisconnectReason; detail: string } | null = null;

  constructor(
    private readonly options: ConnectionOptions,
    private readonly events: ConnectionEvents,
  ) {
    const { clock, pingIntervalMs } = options;
    this.lastTraffic = clock.now();
    this.socket = options.createSocket(options.url, {
      headers: { Authorization: `Bearer ${options.deviceToken}` },
      maxPayload: options.maxPayload,
      handshakeTimeout: 2 * pingIntervalMs,
      perMessageDeflate: false,
      followRedirects: false,
    });
    this.socket.on('open', () => {
      this.touch();
      this.schedulePing();
      events.onOpen();
    });
    this.socket.on('message', (data: RawData, isBinary: boolean) => {
      this.touch();
      if (!isBinary) events.onText(data.toString());
    });
    this.socket.on('ping', () => this.touch());
    this.socket.on('pong', () => this.touch());
    this.socket.on('unexpected-response', (_request, response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      this.pending ??= { reason: reasonOfStatus(status), detail: `relay answered the upgrade with HTTP ${status}` };
      response.resume();
      this.socket.terminate();
    });
    this.socket.on('error', (error: Error) => {
      this.pending ??= { reason: 'network', detail: clean(error.message) };
    });
    this.socket.on('close', (code: number, reason: Buffer) => {
      const text = clean(reason.toString());
      this.finish(
        this.pending ?? { reason: reasonOfClose(code), detail: `closed with ${code}${text ? ` (${text})` : ''}` },
      );
    });
  }

  get isOpen(): boolean {
    return !this.ended && this.socket.readyState === this.socket.OPEN;
  }

  /** False when the frame could not be handed to the socket. */
  send(frame: string, done?: (error?: Error) => void): boolean {
    if (!this.isOpen) return false;
    this.socket.send(frame, done);
    return true;
  }

  /** Closes politely; `onClose` reports `reason`. */
  close(reason: DisconnectReason, detail: string, code = 1000): void {
    this.pending ??= { reason, detail };
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(code, detail.slice(0, 100));
    else this.socket.terminate();
  }

  terminate(reason: DisconnectReason, detail: string): void {
    this.pending ??= { reason, detail };
    this.socket.terminate();
  }

  private touch(): void {
    this.lastTraffic = this.options.clock.now();
  }

  private schedulePing(): void {
    const { clock, pingIntervalMs } = this.options;
    this.timer = clock.setTimeout(() => {
      if (this.ended) return;
      const silent = clock.now() - this.lastTraffic;
      if (silent >= 2 * pingIntervalMs) {
        return this.terminate('dead', `no traffic from the relay for ${Math.round(silent / 1000)} s`);
      }
      if (this.socket.readyState === this.socket.OPEN) this.socket.ping();
      this.schedulePing();
    }, pingIntervalMs);
  }

  private finish(result: { reason: DisconnectReason; detail: string }): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.events.onClose(result.reason, result.detail);
  }
}
