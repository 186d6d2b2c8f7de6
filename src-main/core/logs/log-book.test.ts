import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../platform/clock/manual-clock.js';
import { createLogger } from '../platform/log/logger.js';
import { openLogBook } from './log-book.js';
import { targetsOf } from './operations-log.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wxfleet-logbook-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const silent = createLogger(() => undefined);

it('keeps rows across a restart, newest first, and drops days older than the retention', async () => {
  const clock = new ManualClock(Date.parse('2026-03-01T10:00:00Z'));
  await writeFile(join(dir, '2026-01-01.jsonl'), '{"at":"2026-01-01T00:00:00Z","n":0}\n');
  const book = await openLogBook<{ at: string; n: number }>({
    dir,
    clock,
    logger: silent,
    retentionDays: 7,
    maxRows: 3,
  });
  expect(book.rows()).toEqual([]);
  for (let n = 1; n <= 4; n++) book.append({ at: new Date(clock.now()).toISOString(), n });
  expect(book.rows().map((r) => r.n)).toEqual([4, 3, 2]);
  await book.flush();
  await clock.advance(3 * 86_400_000);
  const reopened = await openLogBook<{ at: string; n: number }>({
    dir,
    clock,
    logger: silent,
    retentionDays: 7,
    maxRows: 10,
  });
  expect(reopened.rows().map((r) => r.n)).toEqual([4, 3, 2, 1]);
  reopened.append({ at: new Date(clock.now()).toISOString(), n: 5 });
  await reopened.flush();
  expect((await readdir(dir)).sort()).toEqual(['2026-03-01.jsonl', '2026-03-04.jsonl']);
  await clock.advance(10 * 86_400_000);
  const later = await openLogBook<{ at: string; n: number }>({
    dir,
    clock,
    logger: silent,
    retentionDays: 7,
    maxRows: 10,
  });
  expect(later.rows()).toEqual([]);
  expect(await readdir(dir)).toEqual([]);
});

it('records what an action was about without free text', () => {
  expect(
    targetsOf([
      { action: 'gray', appids: ['wx1234567890abcdef'], gray: { percentage: 10 }, note: 'hello world secret' },
    ]),
  ).toEqual(['gray', 'wx1234567890abcdef', '10']);
  expect(targetsOf(['wx1234567890abcdef', 'a free text sentence', 3])).toEqual(['wx1234567890abcdef', '3']);
});
