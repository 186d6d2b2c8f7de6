/** Helpers for figures taken as medians of interleaved rounds, so background load hits every contender alike. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Runs every contender once per round, in an order that rotates from round to round, and returns each one's
 * median. A contender returns its figure for that round.
 */
export async function interleaved<K extends string>(
  rounds: number,
  contenders: Record<K, () => number | Promise<number>>,
): Promise<Record<K, number>> {
  const names = Object.keys(contenders) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!;
      samples[name].push(await contenders[name]());
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name])])) as Record<K, number>;
}

/** Microseconds of CPU this process has used (user + system). */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * Operations per CPU-second of a synchronous piece of work, over about `ms` milliseconds of CPU after a warm-up.
 * CPU time rather than wall time: on a machine shared with other work, the scheduler's pauses would otherwise be
 * counted as the work's cost (on a quiet machine the two are the same).
 */
export function opsPerCpuSecond(work: () => void, ms: number): number {
  for (let i = 0; i < 200; i++) work();
  let count = 0;
  const start = cpuMicros();
  let elapsed = 0;
  while (elapsed < ms * 1000) {
    for (let i = 0; i < 100; i++) work();
    count += 100;
    elapsed = cpuMicros() - start;
  }
  return (count * 1_000_000) / elapsed;
}
