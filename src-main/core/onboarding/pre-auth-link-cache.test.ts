import { describe, expect, it } from 'vitest';
import { ManualClock } from '../platform/clock/manual-clock.js';
import { createPreAuthLinkCache, preAuthLinkKey } from './pre-auth-link-cache.js';

describe('pre-auth link cache', () => {
  it('mints once per key for the code lifetime minus the margin, sharing a mint in flight', async () => {
    const clock = new ManualClock();
    const cache = createPreAuthLinkCache(clock, 120_000);
    let minted = 0;
    const mint = async () => ({ url: `link-${++minted}`, expiresInSeconds: 600 });
    const key = preAuthLinkKey('inv', 'pc', 'ctx');
    const first = await Promise.all(Array.from({ length: 20 }, () => cache.get(key, mint)));
    expect(new Set(first)).toEqual(new Set(['link-1']));
    await clock.advance(479_000);
    expect(await cache.get(key, mint)).toBe('link-1');
    await clock.advance(1_000);
    expect(await cache.get(key, mint)).toBe('link-2');
    expect(await cache.get(preAuthLinkKey('inv', 'mobile', 'ctx'), mint)).toBe('link-3');
  });

  it('does not trust a lifetime beyond 10 minutes nor a missing one, and keeps a short one for half its life', async () => {
    const clock = new ManualClock();
    const cache = createPreAuthLinkCache(clock, 120_000);
    const key = preAuthLinkKey('inv', 'pc', 'ctx');
    let lifetime = 1800;
    let minted = 0;
    const mint = async () => ({ url: `l${++minted}`, expiresInSeconds: lifetime });
    expect(await cache.get(key, mint)).toBe('l1');
    await clock.advance(479_999);
    expect(await cache.get(key, mint)).toBe('l1');
    lifetime = Number.NaN;
    await clock.advance(1);
    expect(await cache.get(key, mint)).toBe('l2');
    lifetime = 60;
    await clock.advance(480_000);
    expect(await cache.get(key, mint)).toBe('l3');
    await clock.advance(29_999);
    expect(await cache.get(key, mint)).toBe('l3');
    await clock.advance(1);
    expect(await cache.get(key, mint)).toBe('l4');
  });

  it('forgets an invitation on request and does not cache a failed mint', async () => {
    const clock = new ManualClock();
    const cache = createPreAuthLinkCache(clock);
    const key = preAuthLinkKey('inv', 'pc', 'ctx');
    await expect(cache.get(key, () => Promise.reject(new Error('45009')))).rejects.toThrow('45009');
    expect(await cache.get(key, async () => ({ url: 'a', expiresInSeconds: 600 }))).toBe('a');
    cache.forget('inv');
    expect(await cache.get(key, async () => ({ url: 'b', expiresInSeconds: 600 }))).toBe('b');
  });
});
