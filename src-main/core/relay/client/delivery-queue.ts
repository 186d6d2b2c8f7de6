import type { RelayLogger } from './types.js';
import type { PushFrame } from './wire.js';

type Item = { type: 'push'; frame: PushFrame } | { type: 'gap'; fromSeq: number; toSeq: number };

export interface DeliveryQueueDeps {
  /** Processes one push durably (cursor saved when it resolves). */
  handle(frame: PushFrame): Promise<unknown>;
  /** Sends the cumulative ack for the connection the push came on. */
  ack(seq: number): void;
  /** Seqs after the last one seen never arrived: 'retry' asks again (the queue stops), 'continue' goes on. */
  onGap(fromSeq: number, toSeq: number): Promise<'retry' | 'continue'>;
  /** The push could not be processed; the queue has stopped and the rest will be delivered again. */
  onFailure(error: unknown, seq: number): void;
  logger: RelayLogger;
}

/**
 * Applies pushes strictly in seq order, one at a time. Each connection starts a new generation from the persisted
 * cursor: whatever an older connection left in flight still finishes and persists, but is not acked on the new one.
 */
export class DeliveryQueue {
  private items: Item[] = [];
  private lastSeen = 0;
  private generation = 0;
  private accepting = false;
  private worker: Promise<void> | null = null;

  constructor(private readonly deps: DeliveryQueueDeps) {}

  /** A new connection that said hello with `cursor`. */
  begin(cursor: number): void {
    this.generation++;
    this.items = [];
    this.lastSeen = cursor;
    this.accepting = true;
  }

  /** Drops what is queued and refuses more until the next `begin` (connection gone, or a failure). */
  halt(): void {
    this.generation++;
    this.items = [];
    this.accepting = false;
  }

  enqueue(frame: PushFrame): void {
    if (!this.accepting) return;
    const { seq } = frame;
    if (seq <= this.lastSeen) {
      // Never applied twice: anything at or below what this connection already queued (or the cursor) is dropped.
      this.deps.logger.warn('relay push out of order or already applied; ignored', { seq, lastSeen: this.lastSeen });
      return;
    }
    if (seq > this.lastSeen + 1) this.items.push({ type: 'gap', fromSeq: this.lastSeen + 1, toSeq: seq - 1 });
    this.lastSeen = seq;
    this.items.push({ type: 'push', frame });
    this.worker ??= this.drain().finally(() => {
      this.worker = null;
    });
  }

  /** Resolves when nothing is being processed. */
  async idle(): Promise<void> {
    while (this.worker !== null) await this.worker;
  }

  private async drain(): Promise<void> {
    for (let item = this.items.shift(); item !== undefined; item = this.items.shift()) {
      const generation = this.generation;
      const seq = item.type === 'push' ? item.frame.seq : item.fromSeq;
      try {
        if (item.type === 'gap') {
          if ((await this.deps.onGap(item.fromSeq, item.toSeq)) === 'retry') {
            if (generation === this.generation) this.halt();
            return;
          }
          continue;
        }
        await this.deps.handle(item.frame);
        if (generation === this.generation) this.deps.ack(item.frame.seq);
      } catch (error) {
        if (generation === this.generation) {
          this.halt();
          this.deps.onFailure(error, seq);
        }
        return;
      }
    }
  }
}
