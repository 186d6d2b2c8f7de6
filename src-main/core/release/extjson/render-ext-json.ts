import { createHash } from 'node:crypto';
import type { Store } from '../../platform/store/store.js';
import type { JsonObject } from './deep-merge.js';
import { deepMerge, isJsonObject } from './deep-merge.js';
import type { StoredExtJsonConfig } from '../../platform/store/extjson-aggregate.js';
import type { ExtJsonProblem } from './ext-json-problems.js';
import { ProblemList } from './ext-json-problems.js';
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
  /** The same problems as codes with parameters, for the console. */
  problems: ExtJsonProblem[];
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

function parseObject(text: string, what: 'base' | 'override', appid: string, out: ProblemList): JsonObject | null {
  const english = what === 'base' ? 'the template base' : `the override of ${appid}`;
  try {
    const parsed: unknown = JSON.parse(text);
    if (isJsonObject(parsed)) return parsed;
    out.add(`extjson_${what}_not_object`, { appid }, `${english} must be a JSON object`);
  } catch (err) {
    const detail = (err as Error).message;
    out.add(`extjson_${what}_invalid_json`, { appid, detail }, `${english} is not valid JSON: ${detail}`);
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
  const out = new ProblemList();
  const base = parseObject(config.base, 'base', appid, out);
  const overrideText = config.merchants[appid]?.override ?? null;
  const override =
    overrideText === null || overrideText.trim() === '' ? {} : parseObject(overrideText, 'override', appid, out);
  if (base === null || override === null) return { extJson: '', hash: '', errors: out.errors, problems: out.problems };
  const vars = variablesFor(deps.store, config, appid);
  const missing: Unresolved[] = [];
  const merged = deepMerge(
    substitute(base, vars, missing) as JsonObject,
    substitute(override, vars, missing) as JsonObject,
  );
  for (const [text, m] of new Map(missing.map((m) => [describe(m), m])))
    out.add('extjson_unknown_variable', { name: m.name, path: m.path }, text);
  const extJson = JSON.stringify(merged);
  const templateType = deps.store.templates.data.templates.find((t) => t.templateId === templateId)?.templateType ?? 0;
  validateExtJson(
    merged,
    extJson,
    appid,
    { ...DEFAULT_EXT_JSON_LIMITS, ...deps.extJsonLimits },
    templateType,
    config.pages,
    out,
  );
  const hash = createHash('sha256').update(extJson, 'utf8').digest('hex');
  return { extJson, hash, errors: out.errors, problems: out.problems };
}
