/**
 * `npm run bench` runs every bench file; `npm run bench -- crypto renderer` runs the files whose names contain one of
 * the words. Rows of files not run this time are kept in `bench/results.json` with the record of the run that made
 * them, so a partial run never hides the rest; each run records its date and the machine's load average at start and
 * end, so a busy run is visible beside its figures.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './bench-row.js';

interface BenchRun {
  files: string[];
  startedAt: string;
  finishedAt: string;
  /** os.loadavg() (1, 5, 15 minutes) when the run started and when it ended. */
  loadavgStart: number[];
  loadavgEnd: number[];
  cpus: number;
  node: string;
}
interface Results {
  runs: BenchRun[];
  rows: (BenchRow & { file: string; run: number })[];
}

const here = fileURLToPath(new URL('.', import.meta.url));
const resultsUrl = new URL('results.json', import.meta.url);
const only = process.argv.slice(2);

function formatNumber(value: number | undefined): string {
  if (value === undefined) return '';
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

async function previousResults(): Promise<Results> {
  try {
    const parsed = JSON.parse(await readFile(resultsUrl, 'utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && 'runs' in parsed && 'rows' in parsed) return parsed as Results;
  } catch {
    // No earlier results, or the old flat format: start afresh.
  }
  return { runs: [], rows: [] };
}

const round2 = (values: number[]): number[] => values.map((v) => Math.round(v * 100) / 100);
const files = (await readdir(here))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
  .sort();
if (files.length === 0) throw new Error(`no bench file matches ${only.join(', ')}`);

const run: BenchRun = {
  files,
  startedAt: new Date().toISOString(),
  finishedAt: '',
  loadavgStart: round2(loadavg()),
  loadavgEnd: [],
  cpus: availableParallelism(),
  node: process.version,
};
const fresh: (BenchRow & { file: string })[] = [];
for (const file of files) {
  process.stderr.write(`running ${file}…\n`);
  const module = (await import(pathToFileURL(`${here}${file}`).href)) as BenchModule;
  for (const row of await module.run()) fresh.push({ ...row, file });
}
run.finishedAt = new Date().toISOString();
run.loadavgEnd = round2(loadavg());

const table = fresh.map((r) => [
  r.name,
  formatNumber(r.value),
  r.unit,
  formatNumber(r.baseline),
  r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
  r.goal ?? '',
]);
const header = ['benchmark', 'value', 'unit', 'baseline', 'ratio', 'goal'];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]): string =>
  cells.map((c, i) => (i === 1 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
console.log(
  `\n${run.startedAt} → ${run.finishedAt}, ${run.cpus} CPUs, load average ${run.loadavgStart.join(' ')} → ${run.loadavgEnd.join(' ')}`,
);

const previous = await previousResults();
const keptRows = previous.rows.filter((row) => !files.includes(row.file));
const keptRuns = [...new Set(keptRows.map((row) => row.run))].sort((a, b) => a - b);
const results: Results = {
  runs: [...keptRuns.map((index) => previous.runs[index]!), run],
  rows: [
    ...keptRows.map((row) => ({ ...row, run: keptRuns.indexOf(row.run) })),
    ...fresh.map((row) => ({ ...row, run: keptRuns.length })),
  ],
};
await writeFile(resultsUrl, `${JSON.stringify(results, null, 2)}\n`);
