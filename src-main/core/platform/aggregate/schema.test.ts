import { describe, expect, it } from 'vitest';
import { s } from './schema.js';

const shop = s.object({
  name: s.string(),
  count: s.number(),
  on: s.boolean(),
  kind: s.literal(['a', 'b'] as const, 'a'),
  note: s.nullable(s.string()),
  tags: s.array(s.string()),
  byId: s.record(s.object({ n: s.number() })),
});
const valid = { name: 'x', count: 1, on: true, kind: 'b', note: null, tags: ['t'], byId: { k: { n: 2 } } };

describe('aggregate schema', () => {
  it('finds nothing wrong with a valid value', () => {
    expect(shop.check(valid, 'shop')).toEqual([]);
    expect(shop.check({ ...valid, note: 'n', tags: [], byId: {} }, 'shop')).toEqual([]);
  });

  it('says where and what for every problem of an invalid value', () => {
    const bad = { ...valid, count: Number.NaN, kind: 'c', note: 3, tags: ['t', 4], byId: { k: { n: 'x' }, j: 1 } };
    expect(shop.check(bad, 'shop')).toEqual([
      'shop.count: expected number',
      'shop.kind: expected a|b',
      'shop.note: expected string',
      'shop.tags[1]: expected string',
      'shop.byId.k.n: expected number',
      'shop.byId.j: expected object',
    ]);
    expect(shop.check([], 'shop')).toEqual(['shop: expected object']);
    expect(shop.check({ ...valid, tags: 'no' }, 'shop')).toEqual(['shop.tags: expected array']);
  });
});
