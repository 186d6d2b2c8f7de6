import { describe, expect, it } from 'vitest';
import { authorizerRow, authorizerRows } from '@renderer/testing/fixtures';
import { filterRows } from './authorizer-filter';
import type { ListFilter } from './authorizer-filter';

const none: ListFilter = { search: '', status: '', templateId: null, version: '', tag: '', drift: '' };

describe('filterRows', () => {
  it('hands back the very list when nothing filters it', () => {
    const rows = authorizerRows(20);
    expect(filterRows(rows, none)).toBe(rows);
    expect(filterRows(rows, { ...none, search: '   ' })).toBe(rows);
  });

  it('finds a needle in any one field, case-insensitively, but never across two fields', () => {
    const rows = [
      authorizerRow(1, { nickname: '牛肉面 Shop', principal: 'Acme', tags: ['华东'] }),
      authorizerRow(2, { nickname: 'Bakery', principal: 'ACME Foods', tags: [] }),
      authorizerRow(3, { nickname: 'Yoga', principal: 'Other', tags: ['VIP'] }),
    ];
    const names = (search: string): string[] => filterRows(rows, { ...none, search }).map((r) => r.nickname);
    expect(names('acme')).toEqual(['牛肉面 Shop', 'Bakery']);
    expect(names('华东')).toEqual(['牛肉面 Shop']);
    expect(names('vip')).toEqual(['Yoga']);
    expect(names(rows[1]!.appid.toUpperCase())).toEqual(['Bakery']);
    // The end of the nickname and the start of the appid are in separate fields.
    expect(names('shopwx')).toEqual([]);
    expect(names('shop\u0000wx')).toEqual([]);
  });

  it('searches a new list by its own rows, not by the index of the one it replaced', () => {
    const before = [authorizerRow(1, { nickname: 'Old name' })];
    expect(filterRows(before, { ...none, search: 'old' })).toHaveLength(1);
    const after = [authorizerRow(1, { nickname: 'New name' })];
    expect(filterRows(after, { ...none, search: 'old' })).toHaveLength(0);
    expect(filterRows(after, { ...none, search: 'new' })).toHaveLength(1);
  });
});
