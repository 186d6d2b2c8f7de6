import type { Clock } from '../../platform/clock/clock.js';
import type { Logger } from '../../platform/log/logger.js';
import { WeChatError } from '../client/wechat-error.js';
import { CircuitOpenError } from './token-errors.js';

export interface CircuitBreakerOptions {
  name: string;
  clock: Clock;
  logger: Logger;
  /** Consecutive failures that open the circuit. */
  threshold?: number;
  baseCooldownMs?: number;
  maxCooldownMs?: number;
}

const QUOTA_EXHAUSTED = 45009;

/**
 * Stops token requests that keep failing. After `threshold` consecutive failures it opens for a cooldown; the first
 * request after the cooldown is a trial: a failure reopens it for twice as long, a success closes it. A 45009
 * (daily quota gone) opens it at once for the longest cooldown.
 */
export class CircuitBreaker {
  private failures = 0;
  private opens = 0;
  private openUntil = 0;
  private lastError = '';

  constructor(private readonly opts: CircuitBreakerOptions) {}

  get isOpen(): boolean {
    return this.openUntil > this.opts.clock.now();
  }

  check(): void {
    if (this.isOpen) throw new CircuitOpenError(this.opts.name, this.openUntil, this.lastError);
  }

  success(): void {
    this.failures = 0;
    this.opens = 0;
    this.openUntil = 0;
  }

  failure(err: unknown): void {
    this.failures++;
    this.lastError = err instanceof Error ? err.message : String(err);
    const quotaGone = err instanceof WeChatError && err.errcode === QUOTA_EXHAUSTED;
    if (!quotaGone && this.failures < (this.opts.threshold ?? 3)) return;
    const max = this.opts.maxCooldownMs ?? 30 * 60_000;
    const cooldown = quotaGone ? max : Math.min(max, (this.opts.baseCooldownMs ?? 30_000) * 2 ** this.opens);
    this.opens++;
    this.openUntil = this.opts.clock.now() + cooldown;
    this.opts.logger.warn('token circuit opened', { circuit: this.opts.name, cooldownMs: cooldown, error: err });
  }

  reset(): void {
    this.success();
  }
}
