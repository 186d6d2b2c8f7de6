import { Backoff } from './backoff.js';
import { RelayConnection } from './connection.js';
import { DeliveryQueue } from './delivery-queue.js';
import { InviteOutbox } from './invite-outbox.js';
import { resolveOptions } from './options.js';
import type { RelayClientOptions, ResolvedOptions } from './options.js';
import { CredentialsMissingError, PushHandler } from './push-handler.js';
import { needsAPerson, retryDelay, welcomeResetsBackoff } from './retry-policy.js';
import { answerRpc } from './rpc-responder.js';
import { describeReason, StatusBoard } from './status.js';
import type { DisconnectReason, RelayStatus, StatusListener } from './status.js';
import type { RelayInvite } from './types.js';
import {
  ackFrame,
  displayUrl,
  helloFrame,
  parseServerMessage,
  PROTOCOL_VERSION,
  rpcResultFrame,
  toWebSocketUrl,
  WireError,
} from './wire.js';
import type { ServerMessage } from './wire.js';

export type { RelayClientOptions } from './options.js';

/** The desktop end of the relay WebSocket (DESIGN.md §3, protocol version 1). */
export class RelayClient {
  private readonly url: string;
  private readonly options: ResolvedOptions;
  private readonly board: StatusBoard;
  private readonly backoff: Backoff;
  private readonly queue: DeliveryQueue;
  private readonly outbox = new InviteOutbox();
  private running = false;
  /** Bumped by start and stop, so a connect begun before a stop/start pair cannot open a second socket. */
  private run = 0;
  private connection: RelayConnection | null = null;
  private welcomed = false;
  private cursor = 0;
  private retryTimer: unknown = null;
  private welcomeTimer: unknown = null;
  private lastReason: DisconnectReason | null = null;
  private gapRetriedFrom: number | null = null;

  constructor(options: RelayClientOptions) {
    this.options = resolveOptions(options);
    this.url = toWebSocketUrl(options.url);
    this.board = new StatusBoard(this.clock.now());
    this.backoff = new Backoff(this.options.backoff, this.options.random);
    const handler = new PushHandler({
      crypt: options.crypt,
      cursorStore: options.cursorStore,
      dedupe: options.dedupe,
      apply: options.apply,
      reject: options.reject,
      logger: this.log,
      maxApplyAttempts: this.options.maxApplyAttempts,
      onPersisted: (frame) => {
        this.cursor = Math.max(this.cursor, frame.seq);
        this.backoff.reset();
        this.board.update({ cursor: this.cursor, lastPushAt: this.clock.now(), lastPushReceivedAt: frame.receivedAt });
      },
    });
    this.queue = new DeliveryQueue({
      handle: (frame) => handler.handle(frame),
      ack: (seq) => this.connection?.send(ackFrame(seq)),
      onGap: (fromSeq, toSeq) => this.onGap(fromSeq, toSeq),
      onFailure: (error, seq) => this.onProcessingFailure(error, seq),
      logger: this.log,
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.run++;
    this.log.info('relay client starting', { relay: displayUrl(this.url) });
    void this.connect();
  }

  /** Closes the connection and waits (bounded) for a push in flight to become durable. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.run++;
    this.clearRetry();
    this.clearWelcomeTimer();
    this.queue.halt();
    this.connection?.close('relay_closed', 'console stopping');
    this.connection = null;
    this.board.update({ state: 'stopped', reason: null, detail: null, since: this.clock.now(), nextRetryAt: null });
    const timeoutMs = this.options.stopTimeoutMs;
    let timer: unknown = null;
    await Promise.race([
      this.queue.idle(),
      new Promise<void>((resolve) => {
        timer = this.clock.setTimeout(resolve, timeoutMs);
      }),
    ]);
    this.clock.clearTimeout(timer);
    this.log.info('relay client stopped', { cursor: this.cursor });
  }

  status(): RelayStatus {
    return this.board.get();
  }

  onStatus(listener: StatusListener): () => void {
    return this.board.subscribe(listener);
  }

  /** Creates, updates or revokes an invitation on the relay; queued while disconnected. Throws on a bad id. */
  sendInvite(invite: RelayInvite): void {
    this.outbox.add(invite);
    if (this.welcomed) this.flushInvites();
  }

  private async connect(): Promise<void> {
    this.retryTimer = null;
    const run = this.run;
    // A push still in flight from the last connection must be durable before hello carries the cursor.
    await this.queue.idle();
    if (run !== this.run) return;
    let cursor: number;
    try {
      cursor = await this.options.cursorStore.load();
    } catch (error) {
      this.log.error('relay cursor could not be loaded', {
        error: error instanceof Error ? error.message : String(error),
      });
      if (run === this.run) this.scheduleRetry('processing_failed', 'the relay cursor could not be loaded');
      return;
    }
    if (run !== this.run) return;
    this.cursor = cursor;
    this.welcomed = false;
    this.board.update({ state: 'connecting', since: this.clock.now(), nextRetryAt: null, cursor: this.cursor });
    const connection = new RelayConnection(
      { ...this.options, url: this.url },
      {
        onOpen: () => {
          this.queue.begin(this.cursor);
          connection.send(helloFrame(this.cursor));
          // The relay pings a silent desktop forever; a hello nobody answers must still end.
          this.welcomeTimer = this.clock.setTimeout(
            () => connection.close('protocol', 'no welcome from the relay', 1002),
            2 * this.options.pingIntervalMs,
          );
        },
        onText: (text) => this.onText(connection, text),
        onClose: (reason, detail) => this.onClose(connection, reason, detail),
      },
    );
    this.connection = connection;
  }

  private onText(connection: RelayConnection, text: string): void {
    if (connection !== this.connection) return;
    let message: ServerMessage;
    try {
      message = parseServerMessage(text);
    } catch (error) {
      if (!(error instanceof WireError)) throw error;
      this.log.error('relay sent an unusable frame', { error: error.message });
      return connection.close('protocol', error.message, 1002);
    }
    switch (message.type) {
      case 'welcome':
        return this.onWelcome(connection, message.version, message.headSeq);
      case 'push':
        if (!this.welcomed) return connection.close('protocol', 'push before welcome', 1002);
        this.board.update({ headSeq: Math.max(this.board.get().headSeq ?? 0, message.frame.seq) });
        return this.queue.enqueue(message.frame);
      case 'rpc':
        void answerRpc(message.id, message.method, message.params, this.options.rpc, this.log).then((result) => {
          if (!connection.send(rpcResultFrame(result))) this.log.warn('relay rpc answered after the connection closed');
        });
        return;
      default:
        this.log.debug('relay message of an unknown type ignored', { type: message.name.slice(0, 40) });
    }
  }

  private onWelcome(connection: RelayConnection, version: number, headSeq: number): void {
    if (version !== PROTOCOL_VERSION) {
      return connection.close(
        'incompatible',
        `relay speaks protocol ${version}, this console ${PROTOCOL_VERSION}`,
        1002,
      );
    }
    if (headSeq < this.cursor) {
      // Our cursor belongs to another queue: replay this one from the start; de-duplication drops what we had.
      this.log.error('relay head is behind the applied cursor; replaying the relay queue', {
        headSeq,
        cursor: this.cursor,
      });
      this.queue.halt();
      void this.options.cursorStore.save(0).then(
        () => connection.close('relay_reset', `relay head ${headSeq} is behind cursor ${this.cursor}`),
        () => connection.close('processing_failed', 'the relay cursor could not be reset'),
      );
      return;
    }
    this.clearWelcomeTimer();
    this.welcomed = true;
    if (welcomeResetsBackoff(this.lastReason)) this.backoff.reset();
    this.log.info('relay connected', { cursor: this.cursor, headSeq, backlog: headSeq - this.cursor });
    this.board.update({
      state: 'connected',
      reason: null,
      detail: null,
      since: this.clock.now(),
      attempt: this.backoff.attempt,
      headSeq,
      cursor: this.cursor,
    });
    this.flushInvites();
  }

  private async onGap(fromSeq: number, toSeq: number): Promise<'retry' | 'continue'> {
    if (this.gapRetriedFrom !== fromSeq) {
      this.gapRetriedFrom = fromSeq;
      this.log.warn('relay seq gap; asking again', { fromSeq, toSeq });
      this.connection?.close('gap_retry', `seqs ${fromSeq}-${toSeq} missing`);
      return 'retry';
    }
    const detail = `seqs ${fromSeq}-${toSeq} are no longer on the relay (retention) and were never applied`;
    this.log.error('relay seq gap persists; recording the missing range', { fromSeq, toSeq });
    await this.options.reject({ kind: 'missing', fromSeq, toSeq, detail });
    return 'continue';
  }

  private onProcessingFailure(error: unknown, seq: number): void {
    const missing = error instanceof CredentialsMissingError;
    const reason: DisconnectReason = missing ? 'credentials_missing' : 'processing_failed';
    this.log.error('relay push not processed; it will be delivered again', {
      seq,
      error: error instanceof Error ? error.message.slice(0, 300) : String(error),
    });
    this.connection?.close(reason, missing ? 'no WeChat credentials' : `push ${seq} not processed`);
  }

  private onClose(connection: RelayConnection, reason: DisconnectReason, detail: string): void {
    if (connection !== this.connection) return;
    this.connection = null;
    this.welcomed = false;
    this.clearWelcomeTimer();
    this.queue.halt();
    if (!this.running) return;
    if (needsAPerson(reason)) this.log.error('relay refused this console', { reason, detail });
    else this.log.warn('relay disconnected', { reason, detail });
    this.scheduleRetry(reason, detail);
  }

  private scheduleRetry(reason: DisconnectReason, detail: string): void {
    this.lastReason = reason;
    const delay = retryDelay(reason, this.backoff, this.options.unauthorizedRetryMs);
    const now = this.clock.now();
    this.board.update({
      state: 'disconnected',
      reason,
      detail: `${describeReason(reason)} (${detail})`,
      since: now,
      nextRetryAt: now + delay,
      attempt: this.backoff.attempt,
    });
    this.clearRetry();
    this.retryTimer = this.clock.setTimeout(() => void this.connect(), delay);
  }

  private clearWelcomeTimer(): void {
    if (this.welcomeTimer !== null) this.clock.clearTimeout(this.welcomeTimer);
    this.welcomeTimer = null;
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private get clock(): ResolvedOptions['clock'] {
    return this.options.clock;
  }

  private get log(): ResolvedOptions['logger'] {
    return this.options.logger;
  }

  private flushInvites(): void {
    const connection = this.connection;
    if (connection === null || this.outbox.size === 0) return;
    this.outbox.flush((frame, done) => connection.send(frame, done));
  }
}
