import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock/manual-clock.js';
import { silentLogger } from '../../platform/log/logger.js';
import { WeChatError } from '../client/wechat-error.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { CircuitOpenError } from './token-errors.js';
import { SingleFlight } from './single-flight.js';
import { DEFAULT_TIMING, refreshAt } from './refresh-timing.js';

const quota = new WeChatError({
  kind: 'api',
  endpoint: 'apiComponentToken',
  path: '/p',
  errcode: 45009,
  errmsg: 'quota',
});

describe('circuit breaker', () => {
  it('opens after the threshold, lets one trial through after the cooldown, doubles on failure', async () => {
    const clock = new ManualClock();
    const b = new CircuitBreaker({ name: 't', clock, logger: silentLogger, threshold: 3, baseCooldownMs: 1000 });
    for (let i = 0; i < 3; i++) {
      b.check();
      b.failure(new Error('boom'));
    }
    expect(() => b.check()).toThrow(CircuitOpenError);
    await clock.advance(1000);
    b.check();
    b.failure(new Error('again'));
    await clock.advance(1999);
    expect(() => b.check()).toThrow(/paused/);
    await clock.advance(1);
    b.check();
    b.success();
    b.check();
  });

  it('opens at once, for the longest cooldown, on 45009', () => {
    const clock = new ManualClock();
    const b = new CircuitBreaker({ name: 't', clock, logger: silentLogger, maxCooldownMs: 60_000 });
    b.failure(quota);
    expect(() => b.check()).toThrow(CircuitOpenError);
  });
});

describe('single flight and refresh timing', () => {
  it('shares one execution between concurrent callers', async () => {
    const flight = new SingleFlight<number>();
    let runs = 0;
    const fn = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      return runs;
    };
    expect(await Promise.all([flight.run('k', fn), flight.run('k', fn), flight.run('k', fn)])).toEqual([1, 1, 1]);
    expect(await flight.run('k', fn)).toBe(2);
  });

  it('refreshes 5 to 7 minutes early', () => {
    expect(refreshAt(7_200_000, DEFAULT_TIMING, () => 0)).toBe(6_900_000);
    expect(refreshAt(7_200_000, DEFAULT_TIMING, () => 0.999)).toBeGreaterThan(6_780_000);
  });
});
