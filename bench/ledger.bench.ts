/**
 * The version ledger at 10,000 and 1,000,000 entries (20 per mini-program): opening it (reading every month log),
 * the heap it keeps, one durable append, and one mini-program's history. The appends and history queries of the two
 * sizes are interleaved round by round, the 10,000-entry ledger being the baseline of the large one.
 */
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ledger } from '../src-main/core/release/ledger/ledger.js';
import { openLedger, sha256 } from '../src-main/core/release/ledger/ledger.js';
import { silentLogger } from '../src-main/core/platform/log/logger.js';
import { systemClock } from '../src-main/core/platform/clock/clock.js';
import type { BenchRow } from './bench-row.js';
import { median } from './rounds.js';
import { benchAppid } from './seed-profile.js';

const SIZES = [10_000, 1_000_000];
const PER_APP = 20;
const ROUNDS = 7;
const APPENDS_PER_ROUND = 10;
const QUERIES_PER_ROUND = 2_000;

/** Writes a month log the way the ledger would have: one ext_json text per mini-program, then its entries. */
async function writeLedger(dir: string, entries: number): Promise<void> {
  const handle = await open(join(dir, 'ledger-2026-01.jsonl'), 'w', 0o600);
  try {
    const apps = entries / PER_APP;
    let seq = 0;
    for (let start = 0; start < apps; start += 1_000) {
      let chunk = '';
      for (let a = start; a < Math.min(apps, start + 1_000); a++) {
        const appid = benchAppid(a);
        const text = JSON.stringify({ extEnable: true, extAppid: appid, ext: { shop: `Shop ${a}`, city: 'Hangzhou' } });
        const hash = sha256(text);
        chunk += `${JSON.stringify({ type: 'ext_json', hash, text })}\n`;
        for (let k = 0; k < PER_APP; k++) {
          seq++;
          const kind = (['commit', 'submit_audit', 'audit_passed', 'release'] as const)[k % 4];
          const entry = {
            id: `le-${String(seq).padStart(8, '0')}`,
            seq,
            appid,
            at: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
            kind,
            templateId: 1 + Math.floor(k / 4),
            userVersion: `1.${Math.floor(k / 4)}.0`,
            extJsonHash: kind === 'commit' ? hash : null,
            auditId: kind === 'submit_audit' || kind === 'audit_passed' ? 400_000 + seq : null,
            reason: null,
            screenshots: [],
            jobId: `job-${Math.floor(k / 4)}`,
            detail: null,
            side: null,
          };
          chunk += `${JSON.stringify({ type: 'entry', entry })}\n`;
        }
      }
      await handle.write(chunk);
    }
  } finally {
    await handle.close();
  }
}

function heapMiB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

interface Opened {
  ledger: Ledger;
  openMs: number;
  heapMiB: number;
  apps: number;
}

export async function run(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'wxfleet-bench-ledger-'));
  const opened = new Map<number, Opened>();
  const append = new Map<number, number[]>(SIZES.map((size) => [size, []]));
  const history = new Map<number, number[]>(SIZES.map((size) => [size, []]));
  try {
    for (const size of SIZES) {
      const dir = join(root, String(size));
      await mkdir(dir);
      await writeLedger(dir, size);
      const heapBefore = heapMiB();
      const start = performance.now();
      const ledger = await openLedger({ dir, logger: silentLogger, clock: systemClock });
      const openMs = performance.now() - start;
      opened.set(size, { ledger, openMs, heapMiB: heapMiB() - heapBefore, apps: size / PER_APP });
    }
    let next = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < SIZES.length; i++) {
        const size = SIZES[(round + i) % SIZES.length]!;
        const { ledger, apps } = opened.get(size)!;
        for (let k = 0; k < APPENDS_PER_ROUND; k++) {
          const start = performance.now();
          await ledger.record({
            appid: benchAppid(next++ % apps),
            kind: 'commit',
            templateId: 9,
            userVersion: '9.0.0',
            extJson: `{"extEnable":true,"n":${next}}`,
            extJsonHash: null,
            auditId: null,
            reason: null,
            screenshots: [],
            jobId: 'bench',
            detail: null,
          });
          append.get(size)!.push(performance.now() - start);
        }
        const start = performance.now();
        for (let q = 0; q < QUERIES_PER_ROUND; q++) {
          const entries = await ledger.list(benchAppid((q * 7919) % apps));
          if (entries.length < PER_APP) throw new Error('history lost entries');
        }
        history.get(size)!.push(((performance.now() - start) * 1000) / QUERIES_PER_ROUND);
      }
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const small = SIZES[0]!;
  const label = (size: number): string => `${size.toLocaleString('en-US')} entries`;
  const vs = (size: number): string => (size === small ? '' : ` (baseline ${label(small)})`);
  const compare = (size: number, value: number, base: number) =>
    size === small ? {} : { baseline: base, ratio: base / value };
  return SIZES.flatMap((size): BenchRow[] => {
    const o = opened.get(size)!;
    return [
      {
        name: `ledger open, ${label(size)}`,
        value: o.openMs,
        unit: 'ms',
        ...compare(size, o.openMs, opened.get(small)!.openMs),
      },
      { name: `ledger heap kept, ${label(size)}`, value: o.heapMiB, unit: 'MiB' },
      {
        name: `ledger durable append, ${label(size)}${vs(size)}`,
        value: median(append.get(size)!),
        unit: 'ms',
        ...compare(size, median(append.get(size)!), median(append.get(small)!)),
      },
      {
        name: `ledger per-app history query, ${label(size)}${vs(size)}`,
        value: median(history.get(size)!),
        unit: 'µs',
        ...compare(size, median(history.get(size)!), median(history.get(small)!)),
      },
    ];
  });
}
