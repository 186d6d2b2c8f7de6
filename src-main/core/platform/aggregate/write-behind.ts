import type { Clock } from '../clock/clock.js';
import type { Aggregate } from './aggregate.js';

/**
 * An aggregate changed in place and written behind: many small changes share one `update`, because the store
 * serializes the whole file on every call, which a 1,000-item job would otherwise do thousands of times a second.
 * Readers see every change at once; `mutate` resolves when a write including it is durable.
 */
export class LiveAggregate<T> {
  private pending: Promise<void> | null = null;
  /** The write already started; `pending` is cleared when it starts, so `flush` must wait for this too. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly aggregate: Aggregate<T>,
    private readonly clock: Clock,
    private readonly delayMs = 100,
  ) {}

  get data(): Readonly<T> {
    return this.aggregate.data;
  }

  /** Resolves once every change made so far is durable. */
  async flush(): Promise<void> {
    await this.pending;
    await this.writing;
  }

  mutate(fn: (draft: T) => void): Promise<void> {
    fn(this.aggregate.data as T);
    this.pending ??= new Promise<void>((resolve, reject) => {
      this.clock.setTimeout(() => {
        this.pending = null;
        const write = this.aggregate.update(() => undefined);
        this.writing = write.catch(() => undefined);
        write.then(resolve, reject);
      }, this.delayMs);
    });
    return this.pending;
  }
}
