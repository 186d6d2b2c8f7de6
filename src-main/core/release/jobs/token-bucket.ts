import type { Clock } from '../../platform/clock/clock.js';

interface Bucket {
  tokens: number;
  at: number;
  queue: Promise<void>;
}

export interface RateSpec {
  perSecond: number;
  burst: number;
}

/** One token bucket per endpoint: callers wait their turn in order, so a burst of workers cannot exceed the rate. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: Clock,
    private readonly specOf: (endpoint: string) => RateSpec,
  ) {}

  take(endpoint: string): Promise<void> {
    let bucket = this.buckets.get(endpoint);
    if (!bucket) {
      bucket = { tokens: this.specOf(endpoint).burst, at: this.clock.now(), queue: Promise.resolve() };
      this.buckets.set(endpoint, bucket);
    }
    const b = bucket;
    const turn = b.queue.then(async () => {
      const spec = this.specOf(endpoint);
      for (;;) {
        const now = this.clock.now();
        b.tokens = Math.min(spec.burst, b.tokens + ((now - b.at) / 1000) * spec.perSecond);
        b.at = now;
        if (b.tokens >= 1) {
          b.tokens -= 1;
          return;
        }
        await this.clock.sleep(Math.ceil(((1 - b.tokens) / spec.perSecond) * 1000));
      }
    });
    b.queue = turn;
    return turn;
  }
}
