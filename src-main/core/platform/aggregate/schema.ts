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

type OptionalKeys<F> = { [K in keyof F]: undefined extends Infer<F[K]> ? K : never }[keyof F];
/** Fields whose schema allows `undefined` (`s.optional`) are optional properties. */
type ObjectOf<F> = { [K in Exclude<keyof F, OptionalKeys<F>>]: Infer<F[K]> } & {
  [K in OptionalKeys<F>]?: Infer<F[K]>;
};

const node = <T>(kind: string, def: () => T, check: (v: unknown, p: string) => string[]): Schema<T> => ({
  kind,
  defaultValue: def,
  check,
});

const expect = (ok: boolean, path: string, what: string): string[] => (ok ? [] : [`${path}: expected ${what}`]);

export const s = {
  string: (def = ''): Schema<string> =>
    node(
      'string',
      () => def,
      (v, p) => expect(typeof v === 'string', p, 'string'),
    ),
  number: (def = 0): Schema<number> =>
    node(
      'number',
      () => def,
      (v, p) => expect(typeof v === 'number' && Number.isFinite(v), p, 'number'),
    ),
  boolean: (def = false): Schema<boolean> =>
    node(
      'boolean',
      () => def,
      (v, p) => expect(typeof v === 'boolean', p, 'boolean'),
    ),
  literal: <const L extends readonly string[]>(values: L, def: L[number]): Schema<L[number]> =>
    node(
      'enum',
      () => def,
      (v, p) => expect(values.includes(v as string), p, values.join('|')),
    ),
  nullable: <T>(inner: Schema<T>): Schema<T | null> =>
    node(
      'nullable',
      () => null,
      (v, p) => (v === null ? [] : inner.check(v, p)),
    ),
  /** A field added later to an object: absent in older files, so they stay valid without a migration. */
  optional: <T>(inner: Schema<T>): Schema<T | undefined> =>
    node(
      'optional',
      () => undefined,
      (v, p) => (v === undefined ? [] : inner.check(v, p)),
    ),
  array: <T>(item: Schema<T>): Schema<T[]> =>
    node(
      'array',
      () => [],
      (v, p) => (Array.isArray(v) ? v.flatMap((x, i) => item.check(x, `${p}[${i}]`)) : [`${p}: expected array`]),
    ),
  record: <T>(item: Schema<T>): Schema<Record<string, T>> =>
    node(
      'record',
      () => ({}),
      (v, p) =>
        isPlainObject(v)
          ? Object.entries(v).flatMap(([k, x]) => item.check(x, `${p}.${k}`))
          : [`${p}: expected object`],
    ),
  object: <F extends Record<string, Schema<unknown>>>(fields: F): Schema<ObjectOf<F>> =>
    node(
      'object',
      () => Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.defaultValue()])) as ObjectOf<F>,
      (v, p) =>
        isPlainObject(v)
          ? Object.entries(fields).flatMap(([k, f]) => f.check(v[k], `${p}.${k}`))
          : [`${p}: expected object`],
    ),
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
