import type { JsonObject } from './deep-merge.js';
import { isJsonObject } from './deep-merge.js';

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

function checkPages(obj: JsonObject, templatePages: readonly string[] | undefined, errors: string[]): void {
  let pages = templatePages;
  const list = obj['pages'];
  if (list !== undefined) {
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string'))
      errors.push('pages must be a list of page paths (85013)');
    else if (list.length === 0) errors.push('pages must not be empty (85047)');
    else {
      const unknown = templatePages ? list.filter((p) => !templatePages.includes(p)) : [];
      if (unknown.length > 0)
        errors.push(`pages not in the template: ${unknown.join(', ')} (85045; pages may only be a subset)`);
      pages = list;
    }
  }
  const tabBar = obj['tabBar'];
  if (!isJsonObject(tabBar) || tabBar['list'] === undefined) return;
  if (!Array.isArray(tabBar['list'])) {
    errors.push('tabBar.list must be a list');
    return;
  }
  tabBar['list'].forEach((entry, i) => {
    const path = isJsonObject(entry) ? entry['pagePath'] : undefined;
    if (typeof path !== 'string') errors.push(`tabBar.list[${i}] has no pagePath (85046)`);
    else if (pages && !pages.includes(path)) errors.push(`tabBar.list[${i}].pagePath ${path} is not a page (85045)`);
  });
}

function checkPrivateInfos(obj: JsonObject, errors: string[]): void {
  const declared = obj['requiredPrivateInfos'];
  if (declared === undefined) return;
  if (!Array.isArray(declared) || !declared.every((n) => typeof n === 'string')) {
    errors.push('requiredPrivateInfos must be a list of API names (85310)');
    return;
  }
  const bad = declared.filter((n) => !DECLARABLE.has(n as string));
  if (bad.length > 0)
    errors.push(
      `requiredPrivateInfos names unknown APIs: ${bad.join(', ')} (85310; allowed: ${[...DECLARABLE].join(', ')})`,
    );
  if (declared.includes('getFuzzyLocation')) {
    const both = PRECISE.filter((n) => declared.includes(n));
    if (both.length > 0)
      errors.push(`requiredPrivateInfos: getFuzzyLocation cannot be declared with ${both.join(', ')} (85311)`);
  }
}

/** Checks made before anything is sent (05 E1): the rendered object and its text. */
export function validateExtJson(
  obj: JsonObject,
  text: string,
  appid: string,
  limits: ExtJsonLimits,
  templateType = 0,
  templatePages?: readonly string[],
): string[] {
  const errors: string[] = [];
  if (obj['extAppid'] === undefined) errors.push(`extAppid is missing (it must be ${appid})`);
  else if (obj['extAppid'] !== appid) errors.push(`extAppid is ${JSON.stringify(obj['extAppid'])}, not ${appid}`);
  if (obj['extEnable'] !== true) errors.push('extEnable must be true');
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) errors.push(`ext_json is ${bytes} bytes, over the limit of ${limits.maxBytes}`);
  for (const key of OBJECT_KEYS) {
    if (obj[key] !== undefined && !isJsonObject(obj[key])) errors.push(`${key} must be an object`);
  }
  if (templateType === 1) {
    const extra = Object.keys(obj).filter((k) => !STANDARD_KEYS.has(k));
    if (extra.length > 0)
      errors.push(`a standard template accepts only extAppid, ext and window (not ${extra.join(', ')})`);
  } else {
    const unknown = Object.keys(obj).filter((k) => !KNOWN_KEYS.has(k));
    if (unknown.length > 0) errors.push(`keys ext_json does not know: ${unknown.join(', ')}`);
  }
  checkPages(obj, templatePages, errors);
  checkPrivateInfos(obj, errors);
  return errors;
}
