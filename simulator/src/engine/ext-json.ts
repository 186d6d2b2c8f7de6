import { WxError } from '../errors.js';
import type { Template } from '../state/types.js';
import { DECLARABLE, PRECISE, PRIVACY_KEY_OF } from './privacy-apis.js';

const STANDARD_KEYS = new Set(['extAppid', 'ext', 'window']);

export interface ExtJsonResult {
  pages: string[];
  privateApis: string[];
  withoutConf: string[];
  privacyKeys: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks ext_json against the template the way commit does (05 E1); returns what the privacy scan will find. */
export function checkExtJson(extJson: string, template: Template): ExtJsonResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(extJson);
  } catch {
    throw new WxError(85048);
  }
  if (!isObject(parsed)) throw new WxError(85013, 'ext_json must be a JSON object');
  if (template.template_type === 1 && Object.keys(parsed).some((key) => !STANDARD_KEYS.has(key)))
    throw new WxError(9402203);
  let pages = template.pages;
  if (parsed['pages'] !== undefined) {
    const list = parsed['pages'];
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string'))
      throw new WxError(85013, 'pages must be an array of strings');
    if (list.length === 0) throw new WxError(85047);
    if (list.some((p) => !template.pages.includes(p))) throw new WxError(85045);
    pages = list;
  }
  const tabBar = parsed['tabBar'];
  if (isObject(tabBar) && Array.isArray(tabBar['list'])) {
    for (const item of tabBar['list']) {
      if (!isObject(item) || typeof item['pagePath'] !== 'string') throw new WxError(85046);
      if (!pages.includes(item['pagePath'])) throw new WxError(85045);
    }
  }
  const declared = parsed['requiredPrivateInfos'] ?? [];
  if (!Array.isArray(declared) || !declared.every((name) => typeof name === 'string' && DECLARABLE.has(name)))
    throw new WxError(85310);
  if (declared.includes('getFuzzyLocation') && declared.some((name) => PRECISE.includes(name as string)))
    throw new WxError(85311);
  const used = template.privacyApis;
  const privateApis = used.filter((api) => DECLARABLE.has(api));
  const withoutConf = privateApis.filter((api) => !declared.includes(api)).map((api) => `wx.${api}`);
  const privacyKeys = [
    ...new Set(['UserInfo', ...used.map((api) => PRIVACY_KEY_OF[api]).filter((k): k is string => k !== undefined)]),
  ];
  return { pages, privateApis: privateApis.map((api) => `wx.${api}`), withoutConf, privacyKeys };
}
