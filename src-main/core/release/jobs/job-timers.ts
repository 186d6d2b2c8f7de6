import type { Clock, TimerHandle } from '../../platform/clock/clock.js';

/** One timer per key (a job), replaced when set again. */
export class KeyedTimers {
  private readonly timers = new Map<string, TimerHandle>();

  constructor(private readonly clock: Clock) {}

  set(key: string, ms: number, fn: () => void): void {
    this.clear(key);
    this.timers.set(
      key,
      this.clock.setTimeout(() => {
        this.timers.delete(key);
        fn();
      }, ms),
    );
  }

  has(key: string): boolean {
    return this.timers.has(key);
  }

  clear(key: string): void {
    const t = this.timers.get(key);
    if (t !== undefined) this.clock.clearTimeout(t);
    this.timers.delete(key);
  }

  clearAll(): void {
    for (const key of [...this.timers.keys()]) this.clear(key);
  }
}

/** Calls `send(key)` at most once per `intervalMs` per key, with a trailing call so the last state is never lost. */
export class Throttle {
  private readonly last = new Map<string, number>();
  private readonly trailing: KeyedTimers;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly send: (key: string) => void,
  ) {
    this.trailing = new KeyedTimers(clock);
  }

  /** Drops every trailing call (shutdown). */
  cancelAll(): void {
    this.trailing.clearAll();
  }

  fire(key: string, force: boolean): void {
    const now = this.clock.now();
    if (force || now - (this.last.get(key) ?? 0) >= this.intervalMs) {
      this.trailing.clear(key);
      this.last.set(key, now);
      this.send(key);
    } else if (!this.trailing.has(key)) {
      this.trailing.set(key, this.intervalMs, () => this.fire(key, true));
    }
  }
}
