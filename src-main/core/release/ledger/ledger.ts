import { readCodedOrNull, storeCoded } from '../../platform/store/stored-text.js';
import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { LedgerEntryView } from '@contract/release';
import type { Clock } from '../../platform/clock/clock.js';
import type { Logger } from '../../platform/log/logger.js';
import type { LedgerLine } from './ledger-lines.js';
import { encodeLine, readLog, sha256 } from './ledger-lines.js';
import type { AppendLog, Fsync } from './ledger-log.js';
import { appendLog, fsyncDir } from './ledger-log.js';
import { readLegacyMonths } from './ledger-migrate.js';
import type { LedgerEntryInput, LedgerRecorder } from './ledger-recorder.js';
import type { StoredEntry } from './ledger-month.js';
import { LEDGER_KINDS, monthOf } from './ledger-month.js';
import { sanitizeReason } from './sanitize-html.js';

export { sha256 } from './ledger-lines.js';
export type { StoredEntry } from './ledger-month.js';

export type LedgerInput = LedgerEntryInput & { side?: StoredEntry['side'] };

/** The version ledger: an append-only log per month, indexed by appid in memory. */
export interface Ledger extends LedgerRecorder {
  record(entry: LedgerInput): Promise<LedgerEntryView>;
  /** Raw entries of one mini-program in recording order (oldest first). */
  entries(appid: string): readonly StoredEntry[];
  appids(): string[];
  /** The ext_json text sent with a commit, by its sha256. */
  extJsonText(hash: string): string | null;
}

export interface LedgerDeps {
  /** The ledger's own directory (for example `<storeDir>/ledger`). */
  dir: string;
  logger: Logger;
  clock: Clock;
  /** Test seam: count the fsyncs of the logs. */
  fsync?: Fsync;
}

const LOG_FILE = /^ledger-(\d{4}-\d{2})\.jsonl$/;

/** What one append carries: an entry, its ext_json text (written only if no earlier line has it), or both. */
type Pending = { entry: StoredEntry | null; ext: { hash: string; text: string } | null };

export function toView(e: StoredEntry): LedgerEntryView {
  const { seq: _seq, side: _side, ...view } = e;
  return { ...view, detail: readCodedOrNull(e.detail), screenshots: [...e.screenshots] };
}

export async function openLedger(deps: LedgerDeps): Promise<Ledger> {
  await mkdir(deps.dir, { recursive: true, mode: 0o700 });
  const byAppid = new Map<string, StoredEntry[]>();
  /** Only texts already durable in some log, so a batch knows which ones it still has to write. */
  const texts = new Map<string, string>();
  let seq = 0;
  const index = (e: StoredEntry): void => {
    const list = byAppid.get(e.appid) ?? [];
    list.push(e);
    if (list.length > 1 && (list.at(-2)?.seq ?? 0) > e.seq) list.sort((a, b) => a.seq - b.seq);
    byAppid.set(e.appid, list);
    seq = Math.max(seq, e.seq);
  };
  // Each line read makes its own copy of strings that repeat across entries (the appid, the version, the job):
  // at a million entries the copies are most of the heap, so entries read back share one copy of each.
  const shared = new Map<string, string>();
  const share = <T extends string | null>(text: T): T => {
    if (text === null) return text;
    const known = shared.get(text);
    if (known !== undefined) return known as T;
    shared.set(text, text);
    return text;
  };
  const apply = (line: LedgerLine): void => {
    if (line.type === 'entry') {
      const e = line.entry;
      e.appid = byAppid.get(e.appid)?.[0]?.appid ?? e.appid;
      e.userVersion = share(e.userVersion);
      e.jobId = share(e.jobId);
      e.extJsonHash = share(e.extJsonHash);
      index(e);
    } else texts.set(line.hash, line.text);
  };

  const names = await readdir(deps.dir);
  const months = names.flatMap((n) => LOG_FILE.exec(n)?.[1] ?? []).sort();
  for (const m of months) await readLog(join(deps.dir, `ledger-${m}.jsonl`), deps.logger, apply);

  const encode = (batch: readonly Pending[]): string => {
    const written = new Set<string>();
    let out = '';
    for (const { entry, ext } of batch) {
      if (ext && !texts.has(ext.hash) && !written.has(ext.hash)) {
        written.add(ext.hash);
        out += encodeLine({ type: 'ext_json', ...ext });
      }
      if (entry) out += encodeLine({ type: 'entry', entry });
    }
    return out;
  };
  const onDurable = (batch: readonly Pending[]): void => {
    for (const { entry, ext } of batch) {
      if (ext) texts.set(ext.hash, ext.text);
      if (entry) index(entry);
    }
  };
  const logs = new Map<string, AppendLog<Pending>>();
  const logOf = (month: string): AppendLog<Pending> => {
    let log = logs.get(month);
    if (!log) {
      log = appendLog(join(deps.dir, `ledger-${month}.jsonl`), { encode, onDurable, fsync: deps.fsync });
      logs.set(month, log);
    }
    return log;
  };

  for (const old of await readLegacyMonths(deps.dir, names, deps.logger)) {
    // A crash between importing and renaming must not import the month twice.
    const known = new Set([...byAppid.values()].flatMap((list) => list.map((e) => e.id)));
    const log = logOf(old.month);
    const entries = old.entries.filter((e) => !known.has(e.id));
    // Texts first: an entry never becomes durable before the text it names.
    await Promise.all([
      ...[...old.texts].map(([hash, text]) => log.append({ entry: null, ext: { hash, text } })),
      ...entries.map((e) => log.append({ entry: e, ext: null })),
    ]);
    for (const file of old.files) await rename(file, `${file}.migrated`);
    await fsyncDir(deps.dir);
    deps.logger.info('ledger: migrated an old month file to the append-only log', {
      month: old.month,
      entries: entries.length,
    });
  }

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
        detail: input.detail === null ? null : storeCoded(input.detail),
        side: input.side ?? null,
      };
      const ext = extJson === null || entry.extJsonHash === null ? null : { hash: entry.extJsonHash, text: extJson };
      await logOf(monthOf(now)).append({ entry, ext });
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
