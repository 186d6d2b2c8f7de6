import { describe, expect, it } from 'vitest';
import { DEFAULT_EXT_JSON_LIMITS, validateExtJson } from './validate-ext-json.js';

const A = 'wx1111222233334444';
const check = (obj: Record<string, unknown>, pages?: string[], type = 0): string[] =>
  validateExtJson(obj, JSON.stringify(obj), A, DEFAULT_EXT_JSON_LIMITS, type, pages);
const ok = { extEnable: true, extAppid: A, ext: {} };

describe('ext_json rules (05 E1)', () => {
  it('accepts declared location APIs and refuses unknown names and fuzzy with precise', () => {
    expect(check({ ...ok, requiredPrivateInfos: ['getLocation', 'chooseAddress'] })).toEqual([]);
    expect(check({ ...ok, requiredPrivateInfos: ['getLocaton'] })).toEqual([
      expect.stringMatching(/^requiredPrivateInfos names unknown APIs: getLocaton \(85310/),
    ]);
    expect(check({ ...ok, requiredPrivateInfos: ['getFuzzyLocation', 'getLocation'] })).toEqual([
      'requiredPrivateInfos: getFuzzyLocation cannot be declared with getLocation (85311)',
    ]);
    expect(check({ ...ok, requiredPrivateInfos: 'getLocation' })).toEqual([
      'requiredPrivateInfos must be a list of API names (85310)',
    ]);
  });

  it('keeps pages a subset of the template’s and tabBar on those pages', () => {
    const pages = ['pages/index/index', 'pages/mine/mine'];
    expect(check({ ...ok, pages: ['pages/index/index'] }, pages)).toEqual([]);
    expect(check({ ...ok, pages: ['pages/x/x'] }, pages)).toEqual([
      'pages not in the template: pages/x/x (85045; pages may only be a subset)',
    ]);
    expect(check({ ...ok, pages: [] }, pages)).toEqual(['pages must not be empty (85047)']);
    expect(check({ ...ok, tabBar: { list: [{ pagePath: 'pages/mine/mine' }, { text: 'x' }] } }, pages)).toEqual([
      'tabBar.list[1] has no pagePath (85046)',
    ]);
    expect(
      check({ ...ok, pages: ['pages/index/index'], tabBar: { list: [{ pagePath: 'pages/mine/mine' }] } }, pages),
    ).toEqual(['tabBar.list[0].pagePath pages/mine/mine is not a page (85045)']);
  });

  it('refuses keys ext_json does not know, window that is not an object, and more than a standard template allows', () => {
    expect(check({ ...ok, windows: {}, window: 'x' })).toEqual([
      'window must be an object',
      'keys ext_json does not know: windows',
    ]);
    expect(check({ ...ok, window: {}, tabBar: {} }, undefined, 1)).toEqual([
      'a standard template accepts only extAppid, ext and window (not tabBar)',
    ]);
  });
});
