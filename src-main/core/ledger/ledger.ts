import { createHash } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import type { LedgerEntryView } from '@contract/release';
import type { Aggregate, AggregateDeps } from '../store/aggregate.js';
import { openAggregate } from '../store/aggregate.js';
import { groupCommit } from './group-commit.js';
import type { LedgerEntryInput, LedgerRecorder } from './ledger-recorder.js';
import type { LedgerMonth, StoredEntry } from './ledger-month.js';
import { LEDGER_KINDS, ledgerMonthAggregate, monthOf } from './ledger-month.js';
import { sanitizeReason } from './sanitize-html.js';

export type LedgerInput = LedgerEntryInput & { side?: StoredEntry['side'] };

/** The version ledger: append-only, one store file per month, indexed by appid in memory. */
export interface Ledger extends LedgerRecorder {
  record(entry: LedgerInput): Promise<LedgerEntryView>;
  /** Raw entries of one mini-program in recording order (oldest first). */
  entries(appid: string): readonly StoredEntry[];
  appids(): string[];
  /** The ext_json text sent with a commit, by its sha256. */
  extJsonText(hash: string): string | null;
}

const MONTH_FILE = /^ledger-(\d{4}-\d{2})(?:\.last-good)?\.json$/;

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function toView(e: StoredEntry): LedgerEntryView {
  const { seq: _seq, side: _side, ...view } = e;
  return { ...view, screenshots: [...e.screenshots] };
}

/** `deps.dir` is the ledger's own directory (for example `<storeDir>/ledger`). */
export async function openLedger(deps: AggregateDeps): Promise<Ledger> {
  await mkdir(deps.dir, { recursive: true, mode: 0o700 });
  type Month = { agg: Aggregate<LedgerMonth>; append: ReturnType<typeof groupCommit<LedgerMonth>> };
  const months = new Map<string, Month>();
  const month = (agg: Aggregate<LedgerMonth>): Month => ({ agg, append: groupCommit(agg) });
  const names = await readdir(deps.dir);
  const found = [...new Set(names.flatMap((n) => MONTH_FILE.exec(n)?.[1] ?? []))].sort();
  for (const m of found) months.set(m, month(await openAggregate(ledgerMonthAggregate(m), deps)));

  const byAppid = new Map<string, StoredEntry[]>();
  const texts = new Map<string, string>();
  let seq = 0;
  const index = (e: StoredEntry): void => {
    const list = byAppid.get(e.appid) ?? [];
    list.push(e);
    if (list.length > 1 && (list.at(-2)?.seq ?? 0) > e.seq) list.sort((a, b) => a.seq - b.seq);
    byAppid.set(e.appid, list);
    seq = Math.max(seq, e.seq);
  };
  for (const { agg } of months.values()) {
    agg.data.entries.forEach(index);
    for (const [hash, text] of Object.entries(agg.data.extJson)) texts.set(hash, text);
  }

  const opening = new Map<string, Promise<Month>>();
  const monthOfNow = (name: string): Promise<Month> => {
    const open = months.get(name);
    if (open) return Promise.resolve(open);
    let p = opening.get(name);
    if (!p) {
      p = openAggregate(ledgerMonthAggregate(name), deps).then((agg) => {
        const m = month(agg);
        months.set(name, m);
        return m;
      });
      opening.set(name, p);
    }
    return p;
  };

  return {
    async record(input) {
      if (!LEDGER_KINDS.includes(input.kind)) throw new Error(`unknown ledger kind ${String(input.kind)}`);
      const now = deps.clock.now();
      const extJson = input.extJson ?? null;
      const entry: StoredEntry = {
        id: `le-${String(++seq).padStart(8, '0')}`,
        seq,
        appid: input.appid,
        at: input.at ?? new Date(now).toISOString(),
        kind: input.kind,
        templateId: input.templateId,
        userVersion: input.userVersion,
        extJsonHash: extJson === null ? input.extJsonHash : sha256(extJson),
        auditId: input.auditId,
        reason: input.reason === null ? null : sanitizeReason(input.reason),
        screenshots: [...input.screenshots],
        jobId: input.jobId,
        detail: input.detail,
        side: input.side ?? null,
      };
      const { append } = await monthOfNow(monthOf(now));
      await append((d) => {
        d.entries.push(entry);
        if (extJson !== null && entry.extJsonHash !== null) d.extJson[entry.extJsonHash] = extJson;
      });
      if (extJson !== null && entry.extJsonHash !== null) texts.set(entry.extJsonHash, extJson);
      index(entry);
      return toView(entry);
    },
    async list(appid) {
      return (byAppid.get(appid) ?? []).map(toView);
    },
    entries: (appid) => byAppid.get(appid) ?? [],
    appids: () => [...byAppid.keys()],
    extJsonText: (hash) => texts.get(hash) ?? null,
  };
}
