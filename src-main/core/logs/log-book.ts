import { appendFile, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../platform/clock/clock.js';
import type { Logger } from '../platform/log/logger.js';

export interface LogBookOptions {
  /** `<profile>/logs/<name>`: one JSON-lines file per UTC day. */
  dir: string;
  clock: Clock;
  logger: Logger;
  /** Days kept; older files are deleted at open and when a new day starts. */
  retentionDays: number;
  /** Rows kept in memory for reading (the newest). */
  maxRows: number;
}

export interface LogBook<T extends { at: string }> {
  append(row: T): void;
  /** Newest first; at most `maxRows`. */
  rows(): readonly T[];
  /** Resolves when every appended row is on disk. */
  flush(): Promise<void>;
}

const DAY = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** An append-only log kept for a bounded time, read back at open; a write failure is logged, never thrown. */
export async function openLogBook<T extends { at: string }>(opts: LogBookOptions): Promise<LogBook<T>> {
  const { dir, clock, logger } = opts;
  await mkdir(dir, { recursive: true });
  const oldest = (): string => dayOf(clock.now() - (opts.retentionDays - 1) * 86_400_000);
  const rows: T[] = [];
  let prunedFor = '';
  const prune = async (): Promise<void> => {
    const limit = oldest();
    prunedFor = limit;
    for (const name of await readdir(dir)) {
      const day = DAY.exec(name)?.[1];
      if (day !== undefined && day < limit) await rm(join(dir, name), { force: true });
    }
  };
  await prune();
  for (const name of (await readdir(dir)).filter((n) => DAY.test(n)).sort()) {
    for (const line of (await readFile(join(dir, name), 'utf8')).split('\n')) {
      if (line.trim() === '') continue;
      try {
        rows.push(JSON.parse(line) as T);
      } catch {
        // A line cut short by a crash: the rest of the file still counts.
      }
    }
  }
  if (rows.length > opts.maxRows) rows.splice(0, rows.length - opts.maxRows);

  let pending: string[] = [];
  let chain: Promise<void> = Promise.resolve();
  const write = (): void => {
    if (pending.length === 0) return;
    const lines = pending;
    pending = [];
    const day = dayOf(clock.now());
    chain = chain
      .then(async () => {
        if (oldest() !== prunedFor) await prune();
        await appendFile(join(dir, `${day}.jsonl`), lines.join(''), { mode: 0o600 });
      })
      .catch((error: unknown) => logger.warn('log book write failed', { dir, error }));
  };
  return {
    append(row) {
      rows.push(row);
      // Trimmed in steps, not per row: a busy job appends thousands of calls a second.
      if (rows.length > opts.maxRows + Math.ceil(opts.maxRows / 10)) rows.splice(0, rows.length - opts.maxRows);
      if (pending.length === 0) queueMicrotask(write);
      pending.push(`${JSON.stringify(row)}\n`);
    },
    rows: () => rows.slice(-opts.maxRows).reverse(),
    async flush() {
      write();
      await chain;
    },
  };
}
