import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { bearerToken, rejectUpgrade } from '../auth.js';
import type { RelayStore } from '../store/relay-store.js';
import type { WsSettings } from '../settings.js';
import { DeviceSession } from './device-session.js';
import { CLOSE, formatRpc } from '@wxfleet/protocol';
import type { RpcResultFrame } from '@wxfleet/protocol';

export class RpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface PendingRpc {
  session: DeviceSession;
  resolve: (value: unknown) => void;
  reject: (error: RpcError) => void;
  timer: NodeJS.Timeout;
}

/** All device connections: authenticates upgrades, wakes sessions on commit, routes RPCs to a ready desktop. */
export class Hub {
  private readonly sessions = new Set<DeviceSession>();
  private readonly pending = new Map<string, PendingRpc>();
  private readonly wss: WebSocketServer;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: RelayStore,
    private readonly settings: WsSettings,
    private readonly log: Logger,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: settings.maxPayload, perMessageDeflate: false });
    this.unsubscribe = store.events.onCommit(() => {
      for (const session of this.sessions) {
        try {
          session.pump();
        } catch (error) {
          this.log.error({ device: session.device.name, err: error }, 'delivery failed');
          session.close(CLOSE.internalError, 'internal error');
        }
      }
    });
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/ws') return rejectUpgrade(socket, 404, 'Not Found');
    const token = bearerToken(request.headers.authorization);
    const device = token === null ? null : this.store.devices.authenticate(token);
    if (device === null) {
      this.log.warn('websocket refused: missing, unknown or revoked device token');
      return rejectUpgrade(socket, 401, 'Unauthorized');
    }
    const open = [...this.sessions].filter((s) => s.device.id === device.id).length;
    if (open >= this.settings.maxConnectionsPerDevice) {
      this.log.warn({ device: device.name, open }, 'websocket refused: too many connections for this device');
      return rejectUpgrade(socket, 429, 'Too Many Requests');
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const session = new DeviceSession(ws, device, {
        events: this.store.events,
        devices: this.store.devices,
        invites: this.store.invites,
        settings: this.settings,
        log: this.log,
        onRpcResult: (s, message) => this.onRpcResult(s, message),
        onClose: (s) => this.onClose(s),
      });
      this.sessions.add(session);
      this.log.info({ device: device.name }, 'device connected');
    });
  }

  readyCount(): number {
    return [...this.sessions].filter((s) => s.ready).length;
  }

  /** Sends an RPC to the most recently connected ready desktop. */
  rpc(method: string, params: unknown): Promise<unknown> {
    const session = [...this.sessions].reverse().find((s) => s.ready);
    if (session === undefined) return Promise.reject(new RpcError('no_desktop', 'no desktop is connected'));
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RpcError('timeout', `desktop did not answer ${method} in time`));
      }, this.settings.rpcTimeoutMs);
      this.pending.set(id, { session, resolve, reject, timer });
      session.send(formatRpc(id, method, params));
    });
  }

  /** Devices with an open connection. */
  deviceIds(): number[] {
    return [...new Set([...this.sessions].map((s) => s.device.id))];
  }

  /** Closes every connection of these (revoked) devices. */
  closeDevices(ids: ReadonlySet<number>): void {
    for (const session of this.sessions) {
      if (ids.has(session.device.id)) session.close(CLOSE.deviceRevoked, 'device revoked');
    }
  }

  close(): void {
    this.unsubscribe();
    for (const session of this.sessions) session.close(CLOSE.goingAway, 'relay shutting down');
    this.wss.close();
  }

  private onRpcResult(session: DeviceSession, message: RpcResultFrame): void {
    const call = this.pending.get(message.id);
    if (call === undefined || call.session !== session) return;
    this.pending.delete(message.id);
    clearTimeout(call.timer);
    if (message.ok) call.resolve(message.value);
    else call.reject(new RpcError(message.error.code, message.error.message));
  }

  private onClose(session: DeviceSession): void {
    this.sessions.delete(session);
    this.log.info({ device: session.device.name }, 'device disconnected');
    for (const [id, call] of this.pending) {
      if (call.session !== session) continue;
      this.pending.delete(id);
      clearTimeout(call.timer);
      call.reject(new RpcError('disconnected', 'desktop disconnected before answering'));
    }
  }
}
