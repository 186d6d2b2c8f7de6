/**
 * A small schema language for persisted aggregates: each node knows its TypeScript type, its default and how to
 * check a parsed value, so defaults and validation are derived from one definition.
 */
export interface Schema<T> {
  readonly kind: string;
  defaultValue(): T;
  /** Returns a list of problems (empty when `value` is a valid T). */
  check(value: unknown, path: string): string[];
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/**
 * `is` answers for a valid value without making a single string or array (a store of 50,000 mini-programs is checked
 * at every start); only a value it refuses is walked again by `explain` to say where and why.
 */
type OptionalKeys<F> = { [K in keyof F]: undefined extends Infer<F[K]> ? K : never }[keyof F];
/** Fields whose schema allows `undefined` (`s.optional`) are optional properties. */
type ObjectOf<F> = { [K in Exclude<keyof F, OptionalKeys<F>>]: Infer<F[K]> } & {
  [K in OptionalKeys<F>]?: Infer<F[K]>;
};

const node = <T>(
  kind: string,
  def: () => T,
  is: (v: unknown) => boolean,
  explain: (v: unknown, p: string) => string[],
): Schema<T> & { is(v: unknown): boolean } => ({
  kind,
  defaultValue: def,
  is,
  check: (v, p) => (is(v) ? [] : explain(v, p)),
});

type Checked<T> = Schema<T> & { is?(v: unknown): boolean };
const isOf = <T>(schema: Checked<T>): ((v: unknown) => boolean) =>
  schema.is ?? ((v: unknown) => schema.check(v, '').length === 0);

const leaf = <T>(kind: string, def: () => T, is: (v: unknown) => boolean, what: string): Schema<T> =>
  node(kind, def, is, (_, p) => [`${p}: expected ${what}`]);

export const s = {
  string: (def = ''): Schema<string> =>
    leaf(
      'string',
      () => def,
      (v) => typeof v === 'string',
      'string',
    ),
  number: (def = 0): Schema<number> =>
    leaf(
      'number',
      () => def,
      (v) => typeof v === 'number' && Number.isFinite(v),
      'number',
    ),
  boolean: (def = false): Schema<boolean> =>
    leaf(
      'boolean',
      () => def,
      (v) => typeof v === 'boolean',
      'boolean',
    ),
  literal: <const L extends readonly string[]>(values: L, def: L[number]): Schema<L[number]> =>
    leaf(
      'enum',
      () => def,
      (v) => values.includes(v as string),
      values.join('|'),
    ),
  nullable: <T>(inner: Schema<T>): Schema<T | null> => {
    const innerIs = isOf(inner);
    return node(
      'nullable',
      () => null,
      (v) => v === null || innerIs(v),
      (v, p) => inner.check(v, p),
    );
  },
  /** A field added later to an object: absent in older files, so they stay valid without a migration. */
  optional: <T>(inner: Schema<T>): Schema<T | undefined> => {
    const innerIs = isOf(inner);
    return node(
      'optional',
      () => undefined,
      (v) => v === undefined || innerIs(v),
      (v, p) => inner.check(v, p),
    );
  },
  array: <T>(item: Schema<T>): Schema<T[]> => {
    const itemIs = isOf(item);
    return node(
      'array',
      () => [],
      (v) => Array.isArray(v) && v.every((x) => itemIs(x)),
      (v, p) => (Array.isArray(v) ? v.flatMap((x, i) => item.check(x, `${p}[${i}]`)) : [`${p}: expected array`]),
    );
  },
  record: <T>(item: Schema<T>): Schema<Record<string, T>> => {
    const itemIs = isOf(item);
    return node(
      'record',
      () => ({}),
      (v) => {
        if (!isPlainObject(v)) return false;
        for (const key in v) if (Object.hasOwn(v, key) && !itemIs(v[key])) return false;
        return true;
      },
      (v, p) =>
        isPlainObject(v)
          ? Object.entries(v).flatMap(([k, x]) => item.check(x, `${p}.${k}`))
          : [`${p}: expected object`],
    );
  },
  object: <F extends Record<string, Schema<unknown>>>(fields: F): Schema<ObjectOf<F>> => {
    const checks = Object.entries(fields).map(([key, field]) => [key, isOf(field)] as const);
    return node(
      'object',
      () => Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.defaultValue()])) as ObjectOf<F>,
      (v) => {
        if (!isPlainObject(v)) return false;
        for (const [key, is] of checks) if (!is(v[key])) return false;
        return true;
      },
      (v, p) =>
        isPlainObject(v)
          ? Object.entries(fields).flatMap(([k, f]) => f.check(v[k], `${p}.${k}`))
          : [`${p}: expected object`],
    );
  },
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
