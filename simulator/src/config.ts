import { defaultConfig } from './config-defaults.js';
import type { SimulatorConfig } from './config-types.js';

export type * from './config-types.js';
export { defaultConfig } from './config-defaults.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys whose value is a free-form map rather than a nested section. */
const MAPS = new Set(['quota.perPath']);
const NULLABLE = new Set([
  'push.componentEventUrl',
  'push.messageUrlTemplate',
  'platformServerDomains',
  'audit.noGuideSubmitErrcode',
]);
/** Errcode settings may be negative (-1) or any WeChat code; every other number is a non-negative amount. */
const ERRCODE_KEY = /(?:Errcode|errcode)$/;

function mergeInto(target: Record<string, unknown>, input: Record<string, unknown>, prefix: string): void {
  for (const [key, value] of Object.entries(input)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (!Object.prototype.hasOwnProperty.call(target, key)) {
      throw new ConfigError(`unknown config key "${path}" (allowed here: ${Object.keys(target).join(', ')})`);
    }
    const current = target[key];
    if (value === null && NULLABLE.has(path)) {
      target[key] = null;
      continue;
    }
    if (MAPS.has(path)) {
      if (
        !isPlainObject(value) ||
        !Object.values(value).every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0)
      ) {
        throw new ConfigError(`config key "${path}" must map paths to non-negative integers`);
      }
      target[key] = { ...(current as Record<string, number>), ...value };
      continue;
    }
    if (isPlainObject(current) && !NULLABLE.has(path)) {
      if (!isPlainObject(value)) throw new ConfigError(`config key "${path}" must be an object`);
      mergeInto(current, value, path);
      continue;
    }
    const expected =
      current === null
        ? path === 'platformServerDomains'
          ? 'array'
          : path === 'audit.noGuideSubmitErrcode'
            ? 'number'
            : 'string'
        : Array.isArray(current)
          ? 'array'
          : typeof current;
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    if (expected !== actual) throw new ConfigError(`config key "${path}" must be a ${expected}, got ${actual}`);
    if (Array.isArray(value) && !value.every((v) => typeof v === 'string')) {
      throw new ConfigError(`config key "${path}" must be an array of strings`);
    }
    if (typeof value === 'number' && (!Number.isFinite(value) || (value < 0 && !ERRCODE_KEY.test(path)))) {
      throw new ConfigError(`config key "${path}" must be a non-negative number`);
    }
    target[key] = value;
  }
}

const ENUMS: Record<string, readonly string[]> = {
  'audit.defaultOutcome': ['success', 'fail', 'delay'],
  'audit.afterDelayOutcome': ['success', 'fail'],
  authCodeExpiredTimeFormat: ['timestamp', 'seconds'],
  authorizerOptionNewPathToken: ['component', 'authorizer', 'either'],
  domainReleaseMerge: ['third_and_direct', 'third_only'],
  'privacyInterfaces.defaultOutcome': ['grant', 'reject'],
  'categories.defaultOutcome': ['approve', 'reject'],
  'basicInfo.headImagePeriod': ['month', 'year'],
  'icp.defaultOutcome': ['approve', 'reject'],
  'icp.pushUrl': ['component', 'message'],
  'fastRegistration.resultPush': ['with_taskid', 'without_taskid', 'none'],
  templatesUnauthorized: ['none', 'addtotemplate', 'all'],
};

function lookup(config: SimulatorConfig, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), config);
}

/** Merges a partial config over the defaults; throws ConfigError with the offending key on anything unknown or ill-typed. */
export function resolveConfig(input: unknown = {}): SimulatorConfig {
  if (!isPlainObject(input)) throw new ConfigError('config must be a JSON object');
  const config = defaultConfig();
  mergeInto(config as unknown as Record<string, unknown>, input, '');
  for (const [path, allowed] of Object.entries(ENUMS)) {
    const value = lookup(config, path);
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new ConfigError(`config key "${path}" must be one of ${allowed.join(', ')}`);
    }
  }
  if (!/^[A-Za-z0-9]{43}$/.test(config.platform.encodingAESKey)) {
    throw new ConfigError('config key "platform.encodingAESKey" must be exactly 43 letters or digits');
  }
  if (!/^[A-Za-z0-9]{3,32}$/.test(config.platform.token))
    throw new ConfigError('config key "platform.token" must be 3–32 letters or digits');
  if (!/^wx[0-9a-f]{16}$/.test(config.platform.componentAppid)) {
    throw new ConfigError('config key "platform.componentAppid" must look like wx + 16 hex digits');
  }
  for (const key of ['componentEventUrl', 'messageUrlTemplate'] as const) {
    const url = config.push[key];
    if (url !== null && !/^https?:\/\//.test(url))
      throw new ConfigError(`config key "push.${key}" must be an http(s) URL`);
  }
  if (!Number.isInteger(config.push.retries)) throw new ConfigError('config key "push.retries" must be an integer');
  return config;
}
