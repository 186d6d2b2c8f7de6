import { join } from 'node:path';
import type { Logger } from '../../platform/log/logger.js';
import { readEnvelope } from '../../platform/aggregate/json-file-adapter.js';
import { sha256 } from './ledger-lines.js';
import type { StoredEntry } from './ledger-month.js';
import { storedEntrySchema } from './ledger-month.js';

/** The aggregate files of the format before the append-only log: `ledger-YYYY-MM.json` and its last-good copy. */
const LEGACY_FILE = /^ledger-(\d{4}-\d{2})(?:\.last-good)?\.json$/;

export interface LegacyMonth {
  month: string;
  /** Every file of the month, to be renamed `*.migrated` once imported. */
  files: string[];
  entries: StoredEntry[];
  texts: Map<string, string>;
}

/** Reads the old aggregate files found among `names`; a month neither of whose files is readable is reported and left alone. */
export async function readLegacyMonths(dir: string, names: readonly string[], logger: Logger): Promise<LegacyMonth[]> {
  const months = new Map<string, string[]>();
  for (const name of names) {
    const month = LEGACY_FILE.exec(name)?.[1];
    if (month) months.set(month, [...(months.get(month) ?? []), join(dir, name)]);
  }
  const found: LegacyMonth[] = [];
  for (const [month, files] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
    const data = await readFirst([join(dir, `ledger-${month}.json`), join(dir, `ledger-${month}.last-good.json`)]);
    if (typeof data === 'string') {
      logger.error('ledger: could not migrate an old month file', { month, reason: data });
      continue;
    }
    const entries = data.entries.filter((e, i) => {
      const problems = storedEntrySchema.check(e, `entries[${i}]`);
      if (problems.length > 0) logger.warn('ledger: skipped a corrupt old entry', { month, reason: problems[0] });
      return problems.length === 0;
    }) as StoredEntry[];
    const texts = new Map(
      Object.entries(data.extJson).filter(
        (kv): kv is [string, string] => typeof kv[1] === 'string' && sha256(kv[1]) === kv[0],
      ),
    );
    found.push({ month, files, entries, texts });
  }
  return found;
}

type LegacyData = { entries: unknown[]; extJson: Record<string, unknown> };

async function readFirst(files: string[]): Promise<LegacyData | string> {
  let reason = 'missing';
  for (const file of files) {
    try {
      const env = await readEnvelope(file);
      if (env === null) continue;
      const data = env.data as Partial<LegacyData> | null;
      if (
        env.version === 1 &&
        Array.isArray(data?.entries) &&
        typeof data.extJson === 'object' &&
        data.extJson !== null
      ) {
        return { entries: data.entries, extJson: data.extJson };
      }
      reason = `${file} is not a version 1 ledger month`;
    } catch (err) {
      reason = (err as Error).message;
    }
  }
  return reason;
}
