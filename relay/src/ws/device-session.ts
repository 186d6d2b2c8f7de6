import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';
import type { Device, DeviceStore } from '../store/device-store.js';
import type { EventStore } from '../store/event-store.js';
import {
  CLOSE,
  closeReason,
  formatPush,
  formatWelcome,
  parseClientFrame,
  PROTOCOL_VERSION,
  WireError,
} from '@wxfleet/protocol';
import type { ClientFrame, RpcResultFrame } from '@wxfleet/protocol';
import type { InviteStore } from '../store/invite-store.js';
import type { StoredEvent } from '../store/event-store.js';
import type { WsSettings } from '../settings.js';

export interface SessionDeps {
  events: EventStore;
  devices: DeviceStore;
  invites: InviteStore;
  settings: WsSettings;
  log: Logger;
  onRpcResult: (session: DeviceSession, message: RpcResultFrame) => void;
  onClose: (session: DeviceSession) => void;
}

/**
 * One device connection: hello → welcome, then pushes from cursor+1 in seq order with at most `window` unacked,
 * read from the store one page at a time so a backlog of any size costs the same memory.
 */
export class DeviceSession {
  ready = false;
  private lastSent = 0;
  private lastAcked = 0;
  private closed = false;
  private readonly pingTimer: NodeJS.Timeout;
  private readonly deadTimer: NodeJS.Timeout;
  private readonly helloTimer: NodeJS.Timeout;

  constructor(
    readonly socket: WebSocket,
    readonly device: Device,
    private readonly deps: SessionDeps,
  ) {
    const { pingIntervalMs, helloTimeoutMs } = deps.settings;
    this.pingTimer = setInterval(() => socket.ping(), pingIntervalMs);
    // Refreshed by every frame and pong: a peer silent for two intervals is dropped.
    this.deadTimer = setTimeout(() => this.drop('silent for two ping intervals'), 2 * pingIntervalMs);
    this.helloTimer = setTimeout(() => this.close(CLOSE.policyViolation, 'no hello'), helloTimeoutMs);
    socket.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    socket.on('pong', () => this.deadTimer.refresh());
    socket.on('close', () => this.cleanup());
    socket.on('error', (error) => deps.log.warn({ device: device.name, err: error.message }, 'websocket error'));
  }

  /** Called after each commit and each ack: sends what the window allows. */
  pump(): void {
    const { window, pageSize } = this.deps.settings;
    while (this.ready && !this.closed) {
      const room = window - (this.lastSent - this.lastAcked);
      if (room <= 0) return;
      const page = this.deps.events.page(this.lastSent, Math.min(room, pageSize));
      if (page.length === 0) return;
      for (const event of page) {
        this.socket.send(pushFrameOf(event));
        this.lastSent = event.seq;
      }
    }
  }

  send(frame: string): void {
    if (!this.closed) this.socket.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.deps.log.info({ device: this.device.name, code, reason }, 'closing device connection');
    this.socket.close(code, closeReason(reason));
    this.cleanup();
  }

  private drop(reason: string): void {
    this.deps.log.warn({ device: this.device.name, reason }, 'dropping device connection');
    this.socket.terminate();
    this.cleanup();
  }

  /** Every frame is validated before use; nothing a device sends can throw past this method. */
  private onFrame(data: RawData, isBinary: boolean): void {
    this.deadTimer.refresh();
    if (this.closed) return;
    if (isBinary) return this.close(CLOSE.unsupportedData, 'text frames only');
    let message: ClientFrame;
    try {
      message = parseClientFrame(data.toString());
    } catch (error) {
      return this.refuse(error);
    }
    try {
      this.handle(message);
    } catch (error) {
      this.refuse(error);
    }
  }

  private writeFailed(error: unknown): void {
    this.deps.log.error({ device: this.device.name, err: error }, 'device write failed');
  }

  private refuse(error: unknown): void {
    if (error instanceof WireError) return this.close(error.closeCode, error.message);
    this.deps.log.error({ device: this.device.name, err: error }, 'device frame failed');
    this.close(CLOSE.internalError, 'internal error');
  }

  private handle(message: ClientFrame): void {
    if (!this.ready && message.type !== 'hello') return this.close(CLOSE.policyViolation, 'hello first');
    switch (message.type) {
      case 'hello':
        return this.onHello(message.version, message.cursor);
      case 'ack':
        return this.onAck(message.seq);
      case 'rpc_result':
        return this.deps.onRpcResult(this, message);
      case 'invite':
        this.deps.invites.upsert(message.invite).catch((error: unknown) => this.writeFailed(error));
        return;
    }
  }

  private onHello(version: number, cursor: number): void {
    if (this.ready) return this.close(CLOSE.policyViolation, 'hello twice');
    if (version !== PROTOCOL_VERSION)
      return this.close(
        CLOSE.unsupportedVersion,
        `unsupported protocol version ${version}; this relay speaks ${PROTOCOL_VERSION}`,
      );
    clearTimeout(this.helloTimer);
    const headSeq = this.deps.events.headSeq();
    this.lastSent = this.lastAcked = cursor;
    // The cursor is what the device has durably applied: as good as an ack.
    if (cursor <= headSeq) this.deps.devices.recordAck(this.device.id, cursor);
    this.deps.devices.touch(this.device.id).catch((error: unknown) => this.writeFailed(error));
    this.socket.send(formatWelcome(headSeq));
    this.ready = true;
    this.deps.log.info({ device: this.device.name, cursor, headSeq }, 'device ready');
    this.pump();
  }

  private onAck(seq: number): void {
    if (seq <= this.lastAcked) return;
    if (seq > this.lastSent) return this.close(CLOSE.policyViolation, `ack ${seq} beyond last sent ${this.lastSent}`);
    this.lastAcked = seq;
    this.deps.devices.recordAck(this.device.id, seq);
    this.pump();
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    this.ready = false;
    clearInterval(this.pingTimer);
    clearTimeout(this.deadTimer);
    clearTimeout(this.helloTimer);
    this.deps.onClose(this);
  }
}

function pushFrameOf(event: StoredEvent): string {
  return formatPush({
    seq: event.seq,
    receivedAt: new Date(event.receivedAt).toISOString(),
    channel: event.channel,
    appid: event.appid,
    query: event.query,
    body: event.body,
  });
}
