import WebSocket from 'ws';

export interface ReceivedPush {
  type: 'push';
  seq: number;
  receivedAt: string;
  channel: 'component' | 'app' | 'auth_callback';
  appid: string | null;
  query: { timestamp: string; nonce: string; msg_signature: string };
  body: string;
}

export interface DeviceOptions {
  /** Delay before each ack (a slow desktop). */
  ackDelayMs?: number;
  /** Fraction of acks silently not sent (lost acks); later cumulative acks cover them. */
  dropAckRate?: number;
  random?: () => number;
  /** Reconnect after a close, with jittered backoff. */
  reconnect?: boolean;
  onRpc?: (method: string, params: unknown) => unknown;
  /** Drop the connection when the relay (pings included) has been silent this long; the desktop's dead-peer check. */
  deadAfterMs?: number;
  /** A different URL per attempt. */
  urlForAttempt?: () => string;
}

/**
 * A desktop speaking protocol v1: persists (here: keeps) its applied seq before acking, applies each seq once, and
 * counts redeliveries and gaps so tests can assert exactly-once after de-duplication.
 */
export class DeviceClient {
  applied = 0;
  readonly pushes: ReceivedPush[] = [];
  redelivered = 0;
  readonly gaps: string[] = [];
  connects = 0;
  closes: { code: number; reason: string }[] = [];
  headSeq = 0;
  ws: WebSocket | undefined;
  private stopped = false;
  private backoffMs = 50;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly options: DeviceOptions = {},
  ) {}

  /** Connects once; resolves at welcome, rejects if refused or closed first. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const url = this.options.urlForAttempt?.() ?? this.url;
      const ws = new WebSocket(url, { headers: { authorization: `Bearer ${this.token}` }, handshakeTimeout: 5_000 });
      this.ws = ws;
      let welcomed = false;
      const deadAfter = this.options.deadAfterMs;
      const dead = deadAfter === undefined ? undefined : setTimeout(() => ws.terminate(), deadAfter);
      const alive = (): void => {
        dead?.refresh();
      };
      ws.on('ping', alive);
      ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', version: 1, cursor: this.applied })));
      ws.on('message', (data) => {
        alive();
        const message = JSON.parse(data.toString()) as { type: string } & Record<string, unknown>;
        if (message.type === 'welcome') {
          welcomed = true;
          this.connects++;
          this.backoffMs = 50;
          this.headSeq = Number(message['headSeq']);
          resolve();
        } else if (message.type === 'push') this.onPush(ws, message as unknown as ReceivedPush);
        else if (message.type === 'rpc') this.onRpc(ws, message);
      });
      ws.on('unexpected-response', (_req, res) => {
        reject(new Error(`refused with ${res.statusCode}`));
        ws.terminate();
      });
      ws.on('error', (error) => {
        if (!welcomed) reject(error);
      });
      ws.on('close', (code, reason) => {
        clearTimeout(dead);
        this.closes.push({ code, reason: reason.toString() });
        if (!welcomed) reject(new Error(`closed before welcome: ${code}`));
        if (this.ws === ws) this.ws = undefined;
        if (this.options.reconnect === true && !this.stopped) this.scheduleReconnect();
      });
    });
  }

  async start(): Promise<void> {
    this.options.reconnect = true;
    try {
      await this.connect();
    } catch {
      // the close handler schedules the next attempt
    }
  }

  stop(): void {
    this.stopped = true;
    this.ws?.terminate();
  }

  async waitForApplied(seq: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.applied < seq) {
      if (Date.now() > deadline) throw new Error(`device applied ${this.applied}, expected ${seq}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private scheduleReconnect(): void {
    const delay = this.backoffMs * (0.5 + Math.random());
    this.backoffMs = Math.min(this.backoffMs * 2, 1_000);
    setTimeout(() => {
      if (!this.stopped) this.connect().catch(() => undefined);
    }, delay);
  }

  private onPush(ws: WebSocket, push: ReceivedPush): void {
    if (push.seq <= this.applied) {
      this.redelivered++;
    } else {
      if (push.seq !== this.applied + 1 && this.pushes.length > 0) this.gaps.push(`${this.applied} -> ${push.seq}`);
      this.pushes.push(push);
      this.applied = push.seq;
    }
    const random = this.options.random ?? Math.random;
    if ((this.options.dropAckRate ?? 0) > 0 && random() < this.options.dropAckRate!) return;
    const seq = this.applied;
    const send = (): void => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'ack', seq }));
    };
    if ((this.options.ackDelayMs ?? 0) > 0) setTimeout(send, this.options.ackDelayMs);
    else send();
  }

  private onRpc(ws: WebSocket, message: Record<string, unknown>): void {
    const id = message['id'];
    const fail = (error: unknown): void =>
      ws.send(JSON.stringify({ type: 'rpc_result', id, ok: false, error: { code: 'failed', message: String(error) } }));
    Promise.resolve()
      .then(() => this.options.onRpc?.(String(message['method']), message['params']))
      .then((value) => {
        if (value === undefined) throw new Error('no handler');
        ws.send(JSON.stringify({ type: 'rpc_result', id, ok: true, value }));
      })
      .catch(fail);
  }
}
