import { createHash } from 'node:crypto';
import type { Store } from '../../platform/store/store.js';
import type { JsonObject } from './deep-merge.js';
import { deepMerge, isJsonObject } from './deep-merge.js';
import type { StoredExtJsonConfig } from '../../platform/store/extjson-aggregate.js';
import type { Unresolved } from './placeholders.js';
import { substitute } from './placeholders.js';
import type { ExtJsonLimits } from './validate-ext-json.js';
import { DEFAULT_EXT_JSON_LIMITS, validateExtJson } from './validate-ext-json.js';

export interface RenderedExtJson {
  /** The ext_json text to send to /wxa/commit (compact JSON); '' when it could not be built. */
  extJson: string;
  /** sha256 (hex) of `extJson`. */
  hash: string;
  /** Empty when the ext_json may be sent. */
  errors: string[];
}

export interface RenderDeps {
  store: Pick<Store, 'extJson' | 'authorizers' | 'templates'>;
  extJsonLimits?: Partial<ExtJsonLimits>;
}

/** Used for a template nobody configured yet: enough for WeChat, and `{{appid}}` is always known. */
export const DEFAULT_EXT_JSON_BASE = '{\n  "extEnable": true,\n  "extAppid": "{{appid}}",\n  "ext": {}\n}';

export function configOf(store: RenderDeps['store'], templateId: number): StoredExtJsonConfig {
  return (
    store.extJson.data.byTemplate[String(templateId)] ?? { base: DEFAULT_EXT_JSON_BASE, merchants: {}, updatedAt: 0 }
  );
}

function parseObject(text: string, what: string, errors: string[]): JsonObject | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isJsonObject(parsed)) return parsed;
    errors.push(`${what} must be a JSON object`);
  } catch (err) {
    errors.push(`${what} is not valid JSON: ${(err as Error).message}`);
  }
  return null;
}

/** Built-in variables, then the merchant's own; `appid` is always the target. */
export function variablesFor(
  store: RenderDeps['store'],
  config: StoredExtJsonConfig,
  appid: string,
): Record<string, string> {
  const a = store.authorizers.data.byAppid[appid];
  const builtIn: Record<string, string> = a
    ? { nickname: a.nickname, principal: a.principal, userName: a.userName }
    : {};
  return { ...builtIn, ...config.merchants[appid]?.variables, appid };
}

const describe = (u: Unresolved): string => `unknown variable {{${u.name}}} at ${u.path}`;

/** Renders the ext_json a commit of `templateId` to `appid` would send, validated (05 E1). Pure, synchronous. */
export function renderExtJson(deps: RenderDeps, templateId: number, appid: string): RenderedExtJson {
  const config = configOf(deps.store, templateId);
  const errors: string[] = [];
  const base = parseObject(config.base, 'the template base', errors);
  const overrideText = config.merchants[appid]?.override ?? null;
  const override =
    overrideText === null || overrideText.trim() === ''
      ? {}
      : parseObject(overrideText, `the override of ${appid}`, errors);
  if (base === null || override === null) return { extJson: '', hash: '', errors };
  const vars = variablesFor(deps.store, config, appid);
  const missing: Unresolved[] = [];
  const merged = deepMerge(
    substitute(base, vars, missing) as JsonObject,
    substitute(override, vars, missing) as JsonObject,
  );
  errors.push(...[...new Map(missing.map((m) => [describe(m), m])).keys()]);
  const extJson = JSON.stringify(merged);
  const templateType = deps.store.templates.data.templates.find((t) => t.templateId === templateId)?.templateType ?? 0;
  errors.push(
    ...validateExtJson(
      merged,
      extJson,
      appid,
      { ...DEFAULT_EXT_JSON_LIMITS, ...deps.extJsonLimits },
      templateType,
      config.pages,
    ),
  );
  return { extJson, hash: createHash('sha256').update(extJson, 'utf8').digest('hex'), errors };
}
