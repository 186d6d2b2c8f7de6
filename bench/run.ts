import { readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './bench-row.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);

function formatNumber(value: number | undefined): string {
  if (value === undefined) return '';
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts')).sort();
const rows: BenchRow[] = [];
for (const file of files) {
  if (only.length > 0 && !only.some((name) => file.includes(name))) continue;
  process.stderr.write(`running ${file}…\n`);
  const module = (await import(pathToFileURL(`${here}${file}`).href)) as BenchModule;
  rows.push(...(await module.run()));
}

const table = rows.map((r) => [
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
await writeFile(new URL('results.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`);
