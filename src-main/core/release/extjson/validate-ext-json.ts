import type { JsonObject } from './deep-merge.js';
import { isJsonObject } from './deep-merge.js';
import { ProblemList } from './ext-json-problems.js';

export interface ExtJsonLimits {
  /**
   * Size limit of the ext_json text in bytes. 05 E1 documents no limit for ext_json itself (only for code
   * packages), so this is a setting (UNCONFIRMED).
   */
  maxBytes: number;
}

export const DEFAULT_EXT_JSON_LIMITS: ExtJsonLimits = { maxBytes: 64 * 1024 };

/** Standard templates (type 1) accept only these keys (05 E1, else 9402203); `extEnable` is ours to require. */
const STANDARD_KEYS = new Set(['extAppid', 'ext', 'window', 'extEnable']);

/** The keys ext_json may carry (05 E1, including the docs' misspelling of navigateToMiniProgramAppIdList). */
const KNOWN_KEYS = new Set([
  'extEnable',
  'extAppid',
  'directCommit',
  'ext',
  'extPages',
  'pages',
  'window',
  'networkTimeout',
  'tabBar',
  'subPackages',
  'plugins',
  'functionPages',
  'customOpen',
  'navigateToMiniProgramAppIdList',
  'navigateToMiniProgaramAppIdList',
  'requiredPrivateInfos',
  'sitemap',
]);

/** Names `requiredPrivateInfos` may hold (05 E1/E24: the location interfaces and chooseAddress; else 85310). */
const DECLARABLE = new Set([
  'getLocation',
  'getFuzzyLocation',
  'chooseLocation',
  'choosePoi',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseAddress',
]);
/** Precise-location APIs that may not be declared together with getFuzzyLocation (85311). */
const PRECISE = ['getLocation', 'onLocationChange', 'startLocationUpdate', 'startLocationUpdateBackground'];

const OBJECT_KEYS = ['ext', 'window', 'tabBar', 'networkTimeout', 'extPages', 'plugins'] as const;

function checkPages(obj: JsonObject, templatePages: readonly string[] | undefined, out: ProblemList): void {
  let pages = templatePages;
  const list = obj['pages'];
  if (list !== undefined) {
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string'))
      out.add('extjson_pages_not_list', {}, 'pages must be a list of page paths (85013)');
    else if (list.length === 0) out.add('extjson_pages_empty', {}, 'pages must not be empty (85047)');
    else {
      const unknown = templatePages ? list.filter((p) => !templatePages.includes(p)) : [];
      if (unknown.length > 0) {
        const names = unknown.join(', ');
        out.add(
          'extjson_pages_not_in_template',
          { pages: names },
          `pages not in the template: ${names} (85045; pages may only be a subset)`,
        );
      }
      pages = list;
    }
  }
  const tabBar = obj['tabBar'];
  if (!isJsonObject(tabBar) || tabBar['list'] === undefined) return;
  if (!Array.isArray(tabBar['list'])) {
    out.add('extjson_tabbar_list', {}, 'tabBar.list must be a list');
    return;
  }
  tabBar['list'].forEach((entry, index) => {
    const path = isJsonObject(entry) ? entry['pagePath'] : undefined;
    if (typeof path !== 'string')
      out.add('extjson_tabbar_no_path', { index }, `tabBar.list[${index}] has no pagePath (85046)`);
    else if (pages && !pages.includes(path))
      out.add(
        'extjson_tabbar_not_page',
        { index, path },
        `tabBar.list[${index}].pagePath ${path} is not a page (85045)`,
      );
  });
}

function checkPrivateInfos(obj: JsonObject, out: ProblemList): void {
  const declared = obj['requiredPrivateInfos'];
  if (declared === undefined) return;
  if (!Array.isArray(declared) || !declared.every((n) => typeof n === 'string')) {
    out.add('extjson_private_infos_not_list', {}, 'requiredPrivateInfos must be a list of API names (85310)');
    return;
  }
  const bad = declared.filter((n) => !DECLARABLE.has(n as string));
  if (bad.length > 0) {
    const names = bad.join(', ');
    const allowed = [...DECLARABLE].join(', ');
    out.add(
      'extjson_private_infos_unknown',
      { names, allowed },
      `requiredPrivateInfos names unknown APIs: ${names} (85310; allowed: ${allowed})`,
    );
  }
  if (declared.includes('getFuzzyLocation')) {
    const both = PRECISE.filter((n) => declared.includes(n)).join(', ');
    if (both)
      out.add(
        'extjson_private_infos_fuzzy',
        { names: both },
        `requiredPrivateInfos: getFuzzyLocation cannot be declared with ${both} (85311)`,
      );
  }
}

/** Checks made before anything is sent (05 E1): the rendered object and its text. Returns the English lines. */
export function validateExtJson(
  obj: JsonObject,
  text: string,
  appid: string,
  limits: ExtJsonLimits,
  templateType = 0,
  templatePages?: readonly string[],
  out: ProblemList = new ProblemList(),
): string[] {
  const found = obj['extAppid'];
  if (found === undefined) out.add('extjson_appid_missing', { appid }, `extAppid is missing (it must be ${appid})`);
  else if (found !== appid) {
    const shown = JSON.stringify(found);
    out.add('extjson_appid_wrong', { found: shown, appid }, `extAppid is ${shown}, not ${appid}`);
  }
  if (obj['extEnable'] !== true) out.add('extjson_enable_missing', {}, 'extEnable must be true');
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes)
    out.add(
      'extjson_too_large',
      { bytes, max: limits.maxBytes },
      `ext_json is ${bytes} bytes, over the limit of ${limits.maxBytes}`,
    );
  for (const key of OBJECT_KEYS) {
    if (obj[key] !== undefined && !isJsonObject(obj[key]))
      out.add('extjson_not_object', { key }, `${key} must be an object`);
  }
  if (templateType === 1) {
    const extra = Object.keys(obj)
      .filter((k) => !STANDARD_KEYS.has(k))
      .join(', ');
    if (extra)
      out.add(
        'extjson_standard_keys',
        { keys: extra },
        `a standard template accepts only extAppid, ext and window (not ${extra})`,
      );
  } else {
    const unknown = Object.keys(obj)
      .filter((k) => !KNOWN_KEYS.has(k))
      .join(', ');
    if (unknown) out.add('extjson_unknown_keys', { keys: unknown }, `keys ext_json does not know: ${unknown}`);
  }
  checkPages(obj, templatePages, out);
  checkPrivateInfos(obj, out);
  return out.errors;
}
