import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { memoryLogger } from '../log/logger.js';
import { openAggregate } from './aggregate.js';
import { defineAggregate } from './aggregate-def.js';
import { s } from './schema.js';

const counter = defineAggregate({
  name: 'counter',
  version: 1,
  schema: s.object({ count: s.number(), log: s.array(s.string()) }),
  migrations: [],
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wxfleet-grouped-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const onDisk = async (): Promise<{ count: number }> =>
  (JSON.parse(await readFile(join(dir, 'counter.json'), 'utf8')) as { data: { count: number } }).data;

describe('grouped durability', () => {
  it('shows a change at once and makes many grouped changes durable in one write', async () => {
    const agg = await openAggregate(counter, {
      dir,
      logger: memoryLogger(),
      clock: new ManualClock(),
      groupWindowMs: 50,
    });
    const writes = Array.from({ length: 100 }, () => agg.update((d) => void (d.count += 1), { durability: 'grouped' }));
    expect(agg.data.count).toBe(100);
    expect((await onDisk()).count).toBe(0);
    await Promise.all(writes);
    expect((await onDisk()).count).toBe(100);
  });

  it('settles waiting grouped changes with the next immediate write, and flush writes what waits', async () => {
    const agg = await openAggregate(counter, {
      dir,
      logger: memoryLogger(),
      clock: new ManualClock(),
      groupWindowMs: 60_000,
    });
    const grouped = agg.update((d) => void d.log.push('grouped'), { durability: 'grouped' });
    await agg.update((d) => void d.log.push('immediate'));
    await grouped;
    expect((await onDisk()) as unknown).toMatchObject({ log: ['grouped', 'immediate'] });
    void agg.update((d) => void (d.count = 7), { durability: 'grouped' });
    await agg.flush();
    expect((await onDisk()).count).toBe(7);
  });
});
