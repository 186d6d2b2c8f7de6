import type { Clock } from '../clock/clock.js';

/**
 * Groups many small changes into one store write: the store serializes the whole file on every `update`, which a
 * 1,000-item job would otherwise do thousands of times a second.
 */
export class WriteBehind {
  private pending: Promise<void> | null = null;

  constructor(
    private readonly flush: () => Promise<void>,
    private readonly clock: Clock,
    private readonly delayMs: number,
  ) {}

  /** Resolves once a write that includes every change made before this call is durable. */
  schedule(): Promise<void> {
    this.pending ??= new Promise<void>((resolve, reject) => {
      this.clock.setTimeout(() => {
        this.pending = null;
        this.flush().then(resolve, reject);
      }, this.delayMs);
    });
    return this.pending;
  }
}
