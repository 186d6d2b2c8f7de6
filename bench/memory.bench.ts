/**
 * Peak resident set size of the console process during a deploy job over 1,000 and over 10,000 mini-programs. The
 * fleet is onboarded by one console process, which is then stopped; a fresh console process opens the profile and
 * runs the job (the simulator runs in a process of its own). The idle figure is that process with the fleet loaded,
 * just before the job starts.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BenchRow } from './bench-row.js';

const SIZES = [1_000, 10_000];
const GOALS: Record<number, string> = { 1_000: '≤ 150 MiB', 10_000: '≤ 300 MiB' };
const CHILD = fileURLToPath(new URL('./release-memory-run.ts', import.meta.url));
const JOB = fileURLToPath(new URL('./release-memory-job.ts', import.meta.url));

interface Measured {
  count: number;
  bareMiB: number;
  idleMiB: number;
  idleHeapMiB: number;
  peakHeapMiB: number;
  peakMiB: number;
  wallMs: number;
  failed: number;
}

/**
 * The console's code bundled into plain JavaScript (npm packages stay imports), as the Electron build runs it: under
 * tsx the process would also hold the TypeScript loader and its caches, some 50 MiB that are not the console's.
 */
async function bundle(dir: string): Promise<string> {
  await build({
    entryPoints: [CHILD, JOB],
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return join(dir, 'release-memory-run.mjs');
}

function measure(script: string, count: number): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', script, String(count)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`memory run of ${count} exited with ${code}: ${out}`));
      else resolve(JSON.parse(line) as Measured);
    });
  });
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // Beside bench/, one level below the repository, so the bundle finds node_modules and the simulator as the source does.
  const dir = await mkdtemp(join(fileURLToPath(new URL('..', import.meta.url)), '.bench-memory-'));
  try {
    const script = await bundle(dir);
    for (const size of SIZES) rows.push(...toRows(size, await measure(script, size)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

function toRows(size: number, m: Measured): BenchRow[] {
  const label = `${size.toLocaleString('en-US')} apps, 50 ms/call, concurrency 16`;
  return [
    { name: `console peak RSS during a deploy job, ${label}`, value: m.peakMiB, unit: 'MiB', goal: GOALS[size] },
    {
      name: `console RSS with ${size.toLocaleString('en-US')} apps loaded, before the job`,
      value: m.idleMiB,
      unit: 'MiB',
    },
    {
      name: `console JS heap used with ${size.toLocaleString('en-US')} apps loaded, before the job`,
      value: m.idleHeapMiB,
      unit: 'MiB',
    },
    { name: `console peak JS heap used during the job, ${label}`, value: m.peakHeapMiB, unit: 'MiB' },
    {
      name: `console RSS before any fleet exists (Node and the console's code; ${size.toLocaleString('en-US')}-app run)`,
      value: m.bareMiB,
      unit: 'MiB',
    },
    { name: `console deploy job wall time, ${label} (${m.failed} items failed)`, value: m.wallMs, unit: 'ms' },
  ];
}
