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

export interface Aggregate<T> {
  readonly name: string;
  /** The current data; change it only through `update`. */
  readonly data: Readonly<T>;
  readonly recovery: RecoveryReport | undefined;
  /** Applies `fn` to the data and resolves once the result is durably written. */
  update(fn: (draft: T) => void): Promise<void>;
}

export interface AggregateDeps {
  dir: string;
  logger: Logger;
  clock: Clock;
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

  return {
    name: def.name,
    get data() {
      return db.data.data as T;
    },
    recovery,
    update: (fn) => db.update((env) => fn(env.data as T)),
  };
}
