import { readFile } from 'node:fs/promises';
import type { AppConfig } from './app-config.js';
import { realProfileConfig } from './app-config.js';

/** What a host knows when it starts: its arguments or environment. */
export interface HostInputs {
  profileDir: string;
  /** `default` unless given. */
  profile?: string;
  version: string;
  /**
   * A JSON file of config fields that replace the real profile's (the demo command writes one for the Electron
   * window it opens). Unknown fields and fields of the wrong type are refused.
   */
  configFile?: string;
}

export const DEFAULT_PROFILE = 'default';

/**
 * The config of a host (the Electron shell, the browser-host CLI): a real profile — keychain required, secrets never
 * moved aside, WeChat itself — unless an overrides file says otherwise.
 */
export async function hostConfig(inputs: HostInputs): Promise<AppConfig> {
  const base = realProfileConfig(inputs.profileDir, inputs.profile ?? DEFAULT_PROFILE, inputs.version);
  if (inputs.configFile === undefined) return base;
  let overrides: unknown;
  try {
    overrides = JSON.parse(await readFile(inputs.configFile, 'utf8'));
  } catch (error) {
    throw new Error(`The config file ${inputs.configFile} is not readable JSON: ${(error as Error).message}`);
  }
  return mergeConfig(base, overrides, inputs.configFile);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields whose base value is empty or null and that take any value of the documented shape. */
const OPEN_FIELDS = new Set(['release', 'wechat.tuning', 'relay.tuning', 'wechat.baseUrl']);

/** `base` with the fields of `overrides`, each checked against the base's shape (the file is user input). */
export function mergeConfig(base: AppConfig, overrides: unknown, source: string): AppConfig {
  const merge = (target: Record<string, unknown>, patch: unknown, path: string): Record<string, unknown> => {
    if (!isPlainObject(patch)) throw new Error(`${source}: ${path || 'the file'} must be an object`);
    const out: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(patch)) {
      const at = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(target, key)) throw new Error(`${source}: unknown config field ${at}`);
      const current = target[key];
      if (OPEN_FIELDS.has(at)) {
        if (at === 'wechat.baseUrl' ? value !== null && typeof value !== 'string' : !isPlainObject(value))
          throw new Error(`${source}: ${at} has the wrong type`);
        out[key] = value;
      } else if (isPlainObject(current)) out[key] = merge(current, value, at);
      else if (typeof value !== typeof current) throw new Error(`${source}: ${at} must be a ${typeof current}`);
      else out[key] = value;
    }
    return out;
  };
  return merge(base as unknown as Record<string, unknown>, overrides, '') as unknown as AppConfig;
}
