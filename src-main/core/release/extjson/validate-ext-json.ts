import type { JsonObject } from './deep-merge.js';

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

/** Checks made before anything is sent (05 E1): the rendered object and its text. */
export function validateExtJson(
  obj: JsonObject,
  text: string,
  appid: string,
  limits: ExtJsonLimits,
  templateType = 0,
): string[] {
  const errors: string[] = [];
  if (obj['extAppid'] === undefined) errors.push(`extAppid is missing (it must be ${appid})`);
  else if (obj['extAppid'] !== appid) errors.push(`extAppid is ${JSON.stringify(obj['extAppid'])}, not ${appid}`);
  if (obj['extEnable'] !== true) errors.push('extEnable must be true');
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) errors.push(`ext_json is ${bytes} bytes, over the limit of ${limits.maxBytes}`);
  if (obj['ext'] !== undefined && (typeof obj['ext'] !== 'object' || obj['ext'] === null || Array.isArray(obj['ext'])))
    errors.push('ext must be an object');
  if (templateType === 1) {
    const extra = Object.keys(obj).filter((k) => !STANDARD_KEYS.has(k));
    if (extra.length > 0)
      errors.push(`a standard template accepts only extAppid, ext and window (not ${extra.join(', ')})`);
  }
  return errors;
}
