/**
 * The simulated clock: real time plus an offset the control API can move forward. Every lifetime and every
 * scheduled event (tickets, audits, privacy scans, registrations) reads it, so a test can skip two hours at once.
 */
interface Timer {
  id: number;
  at: number;
  fire: () => void;
  handle: NodeJS.Timeout | null;
}

/** Node's setTimeout caps at ~24.8 days; longer timers re-arm. */
const MAX_DELAY = 2 ** 31 - 1;

export class SimClock {
  private offsetMs = 0;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();
  private closed = false;

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Unix seconds, as WeChat puts in CreateTime and expiry fields. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** Runs `fire` once the simulated time reaches `atMs`. Returns an id for cancel(). */
  at(atMs: number, fire: () => void): number {
    const timer: Timer = { id: this.nextId++, at: atMs, fire, handle: null };
    this.timers.set(timer.id, timer);
    this.arm(timer);
    return timer.id;
  }

  after(seconds: number, fire: () => void): number {
    return this.at(this.nowMs() + seconds * 1000, fire);
  }

  cancel(id: number | null | undefined): void {
    if (id === null || id === undefined) return;
    const timer = this.timers.get(id);
    if (timer?.handle) clearTimeout(timer.handle);
    this.timers.delete(id);
  }

  /** Moves time forward and fires, in order, every timer that became due. */
  advance(seconds: number): void {
    if (!(seconds >= 0)) throw new RangeError('the clock only moves forward');
    this.offsetMs += seconds * 1000;
    this.fireDue();
    for (const timer of this.timers.values()) this.arm(timer);
  }

  pending(): number {
    return this.timers.size;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) if (timer.handle) clearTimeout(timer.handle);
    this.timers.clear();
  }

  private fireDue(): void {
    for (;;) {
      const now = this.nowMs();
      let due: Timer | undefined;
      for (const timer of this.timers.values())
        if (timer.at <= now && (due === undefined || timer.at < due.at)) due = timer;
      if (due === undefined) return;
      this.cancel(due.id);
      due.fire();
    }
  }

  private arm(timer: Timer): void {
    if (this.closed) return;
    if (timer.handle) clearTimeout(timer.handle);
    const delay = Math.max(0, Math.min(MAX_DELAY, timer.at - this.nowMs()));
    timer.handle = setTimeout(() => {
      timer.handle = null;
      if (!this.timers.has(timer.id)) return;
      if (this.nowMs() >= timer.at) {
        this.timers.delete(timer.id);
        timer.fire();
      } else this.arm(timer);
    }, delay);
    timer.handle.unref();
  }
}

const BEIJING_OFFSET = 8 * 3600;

let cachedDay = { second: -1, key: '' };

/** Calendar keys in Beijing time: WeChat's daily and monthly limits reset at 00:00 CST. */
export function dayKey(unixSeconds: number): string {
  if (cachedDay.second === unixSeconds) return cachedDay.key;
  const key = new Date((unixSeconds + BEIJING_OFFSET) * 1000).toISOString().slice(0, 10);
  cachedDay = { second: unixSeconds, key };
  return key;
}

export function monthKey(unixSeconds: number): string {
  return dayKey(unixSeconds).slice(0, 7);
}
