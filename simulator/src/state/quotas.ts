import { dayKey, monthKey } from '../clock.js';
import type { SimulatorConfig } from '../config.js';

interface Counter {
  day: string;
  used: number;
}

/** Daily call quotas per API per account (45009), their resets, and the platform's monthly audit quota. */
export class Quotas {
  private readonly daily = new Map<string, Counter>();
  private readonly clears = new Map<string, { month: string; count: number }>();
  audit = { month: '', used: 0, speedupUsed: 0 };

  constructor(private readonly config: SimulatorConfig) {}

  limitOf(path: string): number {
    return this.config.quota.perPath[path] ?? this.config.quota.dailyLimit;
  }

  usage(account: string, path: string, now: number): { daily_limit: number; used: number; remain: number } {
    const counter = this.daily.get(`${account} ${path}`);
    const used = counter && counter.day === dayKey(now) ? counter.used : 0;
    const limit = this.limitOf(path);
    return { daily_limit: limit, used, remain: Math.max(0, limit - used) };
  }

  /** Counts one call; false when the daily limit is already reached (45009). */
  take(account: string, path: string, now: number): boolean {
    const key = `${account} ${path}`;
    const day = dayKey(now);
    let counter = this.daily.get(key);
    if (counter === undefined || counter.day !== day) {
      counter = { day, used: 0 };
      this.daily.set(key, counter);
    }
    if (counter.used >= this.limitOf(path)) return false;
    counter.used++;
    return true;
  }

  /** Fills the quota as if it had been spent (control API fault "45009 for real"). */
  exhaust(account: string, path: string, now: number): void {
    this.daily.set(`${account} ${path}`, { day: dayKey(now), used: this.limitOf(path) });
  }

  /** clear_quota: 10 per account per month, shared with v2 (48006 beyond). `path` limits it to one API. */
  clear(account: string, now: number, path?: string): boolean {
    const kind = path === undefined ? 'all' : 'api';
    const key = `${kind} ${account}`;
    const month = monthKey(now);
    const limit = path === undefined ? this.config.quota.clearPerMonth : this.config.quota.clearApiPerMonth;
    let record = this.clears.get(key);
    if (record === undefined || record.month !== month) {
      record = { month, count: 0 };
      this.clears.set(key, record);
    }
    if (record.count >= limit) return false;
    record.count++;
    for (const counterKey of this.daily.keys()) {
      if (path === undefined ? counterKey.startsWith(`${account} `) : counterKey === `${account} ${path}`)
        this.daily.delete(counterKey);
    }
    return true;
  }

  /** The platform-wide monthly audit allowance (05 E14), reset each calendar month. */
  auditQuota(now: number): { rest: number; limit: number; speedup_rest: number; speedup_limit: number } {
    const month = monthKey(now);
    if (this.audit.month !== month) this.audit = { month, used: 0, speedupUsed: 0 };
    const { monthlyQuota, speedupQuota } = this.config.audit;
    return {
      rest: Math.max(0, monthlyQuota - this.audit.used),
      limit: monthlyQuota,
      speedup_rest: Math.max(0, speedupQuota - this.audit.speedupUsed),
      speedup_limit: speedupQuota,
    };
  }
}
