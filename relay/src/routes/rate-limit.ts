import { randomBytes } from 'node:crypto';

/**
 * Fixed-window request counters in fixed memory: `slots` counters, keys hashed onto them (with a per-process seed,
 * so nobody can aim a collision at a chosen key). Keys that share a slot share a limit — an attacker can make the
 * limit stricter for a few others, never looser, and never make the relay allocate.
 */
export class FixedWindowLimiter {
  private readonly counts: Uint32Array;
  private readonly windows: Uint32Array;
  private readonly seed = randomBytes(4).readUInt32LE(0);

  constructor(
    private readonly slots: number,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    this.counts = new Uint32Array(slots);
    this.windows = new Uint32Array(slots);
  }

  /** Counts one request for `key`; false when the key is over its limit in the current window. */
  take(key: string, now = Date.now()): boolean {
    const slot = this.hash(key) % this.slots;
    const window = Math.floor(now / this.windowMs) >>> 0;
    if (this.windows[slot] !== window) {
      this.windows[slot] = window;
      this.counts[slot] = 0;
    }
    if (this.counts[slot]! >= this.limit) return false;
    this.counts[slot]!++;
    return true;
  }

  /** Seconds until the current window ends (for Retry-After). */
  retryAfterSeconds(now = Date.now()): number {
    return Math.max(1, Math.ceil((this.windowMs - (now % this.windowMs)) / 1000));
  }

  private hash(key: string): number {
    // FNV-1a over UTF-16 code units, seeded.
    let h = (0x811c9dc5 ^ this.seed) >>> 0;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  }
}
