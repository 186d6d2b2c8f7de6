import type { Schema } from './schema.js';

/** Upgrades the data of version `to - 1` to version `to`. */
export interface Migration {
  readonly to: number;
  up(data: unknown): unknown;
}

export interface AggregateDef<T> {
  /** File name without extension; one file per aggregate. */
  readonly name: string;
  readonly version: number;
  readonly schema: Schema<T>;
  /** Ordered by `to`, covering every version from 2 up to `version`. */
  readonly migrations: readonly Migration[];
}

export function defineAggregate<T>(def: AggregateDef<T>): AggregateDef<T> {
  def.migrations.forEach((m, i) => {
    if (m.to !== i + 2) throw new Error(`${def.name}: migration #${i} must upgrade to version ${i + 2}, not ${m.to}`);
  });
  if (def.migrations.length !== def.version - 1) {
    throw new Error(`${def.name}: version ${def.version} needs ${def.version - 1} migrations`);
  }
  return def;
}

export class StoreVersionError extends Error {
  override readonly name = 'StoreVersionError';
  constructor(
    readonly aggregate: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The ${aggregate} data was written by a newer wxfleet (version ${found}; this one reads up to ${supported}). ` +
        'Update wxfleet; the file was left untouched.',
    );
  }
}

/** Applies the migrations after `from` in order. */
export function migrate<T>(def: AggregateDef<T>, from: number, data: unknown): unknown {
  if (from > def.version) throw new StoreVersionError(def.name, from, def.version);
  return def.migrations.filter((m) => m.to > from).reduce((acc, m) => m.up(acc), data);
}
