/**
 * Core cold start (create the app and start it over a stored profile) and the fleet list query, at several fleet
 * sizes. Sizes are interleaved round by round; the 1,000-mini-program profile is the baseline of the larger ones.
 * Figures are CPU time of this process (what the work costs; wall time on a shared machine is mostly waiting for a
 * core), and the wall time of the largest cold start is reported beside it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realProfileConfig } from '../src-main/core/app/app-config.js';
import { createApp } from '../src-main/core/app/create-app.js';
import type { BenchRow } from './bench-row.js';
import { median } from './rounds.js';
import { memoryKeychain, seedProfile } from './seed-profile.js';

const SIZES = (process.env.WXFLEET_BENCH_CORE_SIZES ?? '0,1000,10000,50000').split(',').map(Number);
const BASELINE = 1_000;
const ROUNDS = 5;

interface Sample {
  coldStart: number;
  coldStartWall: number;
  list: number;
  listAgain: number;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export async function run(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'wxfleet-bench-core-'));
  const keychain = memoryKeychain();
  const samples = new Map<number, Sample[]>(SIZES.map((size) => [size, []]));
  try {
    for (const size of SIZES) await seedProfile(root, `bench-${size}`, keychain, size);
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < SIZES.length; i++) {
        const size = SIZES[(round + i) % SIZES.length]!;
        const profile = `bench-${size}`;
        const start = performance.now();
        const startCpu = cpuMs();
        const app = await createApp(realProfileConfig(root, profile, profile), { keychain, emit: () => undefined });
        await app.start();
        const coldStart = cpuMs() - startCpu;
        const coldStartWall = performance.now() - start;
        const listCpu = cpuMs();
        const rows = app.services.fleet.list({});
        const list = cpuMs() - listCpu;
        if (rows.length !== size) throw new Error(`listed ${rows.length} of ${size} mini-programs`);
        const againCpu = cpuMs();
        app.services.fleet.list({});
        const listAgain = cpuMs() - againCpu;
        await app.stop();
        samples.get(size)!.push({ coldStart, coldStartWall, list, listAgain });
      }
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const of = (size: number, key: keyof Sample): number => median(samples.get(size)!.map((s) => s[key]));
  const label = (size: number): string =>
    size === 0 ? 'empty profile' : `${size.toLocaleString('en-US')} mini-programs`;
  return SIZES.flatMap((size): BenchRow[] => {
    const compared = size > BASELINE;
    const row = (name: string, key: keyof Sample, goal?: string): BenchRow => ({
      name: `${name}, ${label(size)}${compared ? ` (baseline ${BASELINE.toLocaleString('en-US')})` : ''}`,
      value: of(size, key),
      unit: key === 'coldStartWall' ? 'ms wall' : 'ms CPU',
      ...(compared ? { baseline: of(BASELINE, key), ratio: of(BASELINE, key) / of(size, key) } : {}),
      ...(goal ? { goal } : {}),
    });
    const startGoal = size === 0 ? '< 200 ms' : size === 50_000 ? '≤ 500 ms' : size === 1_000 ? '< 500 ms' : undefined;
    return [
      row('core cold start', 'coldStart', startGoal),
      ...(size === Math.max(...SIZES) ? [row('core cold start (wall time)', 'coldStartWall', startGoal)] : []),
      ...(size === 0
        ? []
        : [row('core fleet list query, first', 'list'), row('core fleet list query, again', 'listAgain')]),
    ];
  });
}
