import { copyFile, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Clock } from '../clock/clock.js';
import type { Logger } from '../log/logger.js';
import type { AggregateDef } from './aggregate-def.js';
import { StoreVersionError, migrate } from './aggregate-def.js';
import type { Envelope } from './json-file-adapter.js';
import { JsonFileAdapter, readEnvelope } from './json-file-adapter.js';

export interface RecoveryReport {
  aggregate: string;
  /** `backup`: the last-good copy replaced a corrupt file; `defaults`: neither was readable. */
  restoredFrom: 'backup' | 'defaults';
  reason: string;
  /** Where the unreadable file was moved for inspection. */
  movedTo: string | null;
}

/**
 * `immediate` starts the write at once. `grouped` lets the changes made within the group window share one write: a
 * busy job changes its aggregate thousands of times a second, and each write serializes the whole file.
 */
export type Durability = 'immediate' | 'grouped';

export interface Aggregate<T> {
  readonly name: string;
  /** The current data; change it only through `update`. */
  readonly data: Readonly<T>;
  readonly recovery: RecoveryReport | undefined;
  /**
   * Applies `fn` to the data at once (every reader sees the change immediately) and resolves once a write that
   * includes it is durable (atomic rename of a fsynced file).
   */
  update(fn: (draft: T) => void, options?: { durability?: Durability }): Promise<void>;
  /** Resolves once every change made so far is durable; a grouped write waiting for its window starts now. */
  flush(): Promise<void>;
}

export interface AggregateDeps {
  dir: string;
  logger: Logger;
  clock: Clock;
  /** How long a grouped change waits for others before its write starts. Default 100 ms. */
  groupWindowMs?: number;
}

type Loaded = { ok: true; data: unknown; version: number } | { ok: false; reason: string; missing: boolean };

async function load<T>(def: AggregateDef<T>, file: string): Promise<Loaded> {
  let env: Envelope | null;
  try {
    env = await readEnvelope(file);
  } catch (err) {
    return { ok: false, reason: (err as Error).message, missing: false };
  }
  if (env === null) return { ok: false, reason: 'missing', missing: true };
  let data: unknown;
  try {
    data = migrate(def, env.version, env.data);
  } catch (err) {
    if (err instanceof StoreVersionError) throw err;
    return { ok: false, reason: `migration failed: ${(err as Error).message}`, missing: false };
  }
  const problems = def.schema.check(data, def.name);
  if (problems.length > 0) return { ok: false, reason: problems.slice(0, 3).join('; '), missing: false };
  return { ok: true, data, version: env.version };
}

export async function openAggregate<T>(def: AggregateDef<T>, deps: AggregateDeps): Promise<Aggregate<T>> {
  await mkdir(deps.dir, { recursive: true, mode: 0o700 });
  const file = join(deps.dir, `${def.name}.json`);
  const backup = join(deps.dir, `${def.name}.last-good.json`);
  const adapter = new JsonFileAdapter(file, backup);
  const db = new Low<Envelope>(adapter, { version: def.version, data: def.schema.defaultValue() });
  let recovery: RecoveryReport | undefined;

  const main = await load(def, file);
  let needsWrite = true;
  if (main.ok) {
    db.data = { version: def.version, data: main.data };
    needsWrite = main.version !== def.version;
    if (needsWrite) await copyFile(file, join(deps.dir, `${def.name}.v${main.version}.json`));
  } else {
    const last = await load(def, backup);
    const movedTo = main.missing ? null : join(deps.dir, `${def.name}.corrupt-${deps.clock.now()}.json`);
    if (movedTo) await rename(file, movedTo);
    if (last.ok) {
      db.data = { version: def.version, data: last.data };
    }
    if (!main.missing || last.ok) {
      recovery = { aggregate: def.name, restoredFrom: last.ok ? 'backup' : 'defaults', reason: main.reason, movedTo };
      deps.logger.warn('store file was unreadable and has been restored', { ...recovery });
    }
  }
  if (needsWrite) await db.write();

  const writes = groupedWrites(() => db.write(), deps.groupWindowMs ?? 100);
  return {
    name: def.name,
    get data() {
      return db.data.data as T;
    },
    recovery,
    update(fn, options) {
      fn(db.data.data as T);
      return options?.durability === 'grouped' ? writes.grouped() : writes.now();
    },
    flush: () => writes.flush(),
  };
}

/**
 * One write path per aggregate: an immediate write also settles the grouped changes waiting for their window (it
 * serializes the same data). The window is wall-clock time on purpose: it batches disk writes, it is not business
 * time, so a test's manual clock must not hold writes back.
 */
function groupedWrites(write: () => Promise<void>, windowMs: number) {
  let last: Promise<void> = Promise.resolve();
  let group: {
    timer: ReturnType<typeof setTimeout>;
    settle: (written: Promise<void>) => void;
    done: Promise<void>;
  } | null = null;
  const now = (): Promise<void> => {
    const written = write();
    last = written.catch(() => undefined);
    if (group) {
      clearTimeout(group.timer);
      group.settle(written);
      group = null;
    }
    return written;
  };
  const grouped = (): Promise<void> => {
    if (group) return group.done;
    let settle!: (written: Promise<void>) => void;
    const done = new Promise<void>((resolve, reject) => {
      settle = (written) => written.then(resolve, reject);
    });
    group = { timer: setTimeout(now, windowMs), settle, done };
    return done;
  };
  return {
    now,
    grouped,
    async flush(): Promise<void> {
      if (group) await now();
      await last;
    },
  };
}
