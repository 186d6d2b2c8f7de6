/** One line of `bench/results.json`. `ratio` compares value to baseline, oriented so that higher is better for us. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  /** The goal this row is checked against, in words (printed, never asserted). */
  goal?: string;
}

export type BenchModule = { run: () => Promise<BenchRow[]> };
