import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock/manual-clock.js';
import { RateLimiter } from './token-bucket.js';

/** Takes `count` tokens at once and returns, in order, the clock time each caller got its turn. */
async function turns(limiter: RateLimiter, clock: ManualClock, endpoint: string, count: number): Promise<number[]> {
  const start = clock.now();
  const at: number[] = [];
  const taken = Array.from({ length: count }, () => limiter.take(endpoint).then(() => at.push(clock.now() - start)));
  // Move the clock one millisecond at a time until every caller got its token.
  for (let i = 0; at.length < count && i < 100_000; i++) {
    await new Promise((r) => setImmediate(r));
    if (at.length < count) await clock.advance(1);
  }
  await Promise.all(taken);
  return at;
}

describe('RateLimiter', () => {
  const cases: Array<{ name: string; perSecond: number; burst: number; count: number; expected: number[] }> = [
    { name: 'a burst within the bucket goes at once', perSecond: 10, burst: 3, count: 3, expected: [0, 0, 0] },
    {
      name: 'beyond the burst, one per 1/rate seconds',
      perSecond: 10,
      burst: 2,
      count: 5,
      expected: [0, 0, 100, 200, 300],
    },
    { name: 'a bucket of one paces every call', perSecond: 4, burst: 1, count: 3, expected: [0, 250, 500] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const clock = new ManualClock();
      const limiter = new RateLimiter(clock, () => ({ perSecond: c.perSecond, burst: c.burst }));
      expect(await turns(limiter, clock, 'commit', c.count)).toEqual(c.expected);
    });
  }

  it('keeps one bucket per endpoint', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(clock, () => ({ perSecond: 1, burst: 1 }));
    await limiter.take('commit');
    expect(await turns(limiter, clock, 'submitAudit', 1)).toEqual([0]);
  });

  it('refills while idle, never above the burst', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(clock, () => ({ perSecond: 10, burst: 2 }));
    await turns(limiter, clock, 'commit', 2);
    await clock.advance(10_000);
    expect(await turns(limiter, clock, 'commit', 3)).toEqual([0, 0, 100]);
  });
});
