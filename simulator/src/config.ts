/**
 * Simulator settings. Every key is optional in a config file; defaults come from the WeChat docs, and every
 * behaviour the docs mark UNCONFIRMED is a setting here (see README.md for the mapping).
 */
export interface PlatformConfig {
  componentAppid: string;
  componentAppsecret: string;
  token: string;
  encodingAESKey: string;
}

export interface PushConfig {
  componentEventUrl: string | null;
  messageUrlTemplate: string | null;
  /** WeChat waits 5 s for `success`. */
  timeoutMs: number;
  /** Resends after the first delivery; "three in total" is ambiguous (UNCONFIRMED 20), so 3 means 4 deliveries. */
  retries: number;
  retryDelayMs: number;
  /** Whether a retry carries a fresh timestamp/nonce/signature (UNCONFIRMED 6). */
  resignRetries: boolean;
  /** Send the first ticket as soon as the simulator starts. */
  ticketOnStart: boolean;
}

export interface AuditConfig {
  durationSeconds: number;
  defaultOutcome: 'success' | 'fail' | 'delay';
  /** Outcome after a weapp_audit_delay when nobody decided otherwise. */
  afterDelayOutcome: 'success' | 'fail';
  monthlyQuota: number;
  speedupQuota: number;
  undoPerDay: number;
  undoPerMonth: number;
  /** Errcode of undocodeaudit when nothing is under review (UNCONFIRMED 10: 87012 or 85019). */
  undoNothingErrcode: number;
  /** Whether a withdrawn audit gives its quota back (UNCONFIRMED 10). */
  undoRefundsQuota: boolean;
  /** submit_audit without item_list (docs contradict themselves; community says it works). */
  requireItemList: boolean;
  /** Errcode when the development privacy guide was never set (no errcode documented). */
  privacyGuideMissingErrcode: number;
}

export interface QuotaConfig {
  /** Default daily limit per API per account. */
  dailyLimit: number;
  /** Per-path overrides, e.g. api_component_token 10000 (UNCONFIRMED 5), api_get_authorizer_info 1000 (UNCONFIRMED 17). */
  perPath: Record<string, number>;
  clearPerMonth: number;
  clearApiPerMonth: number;
}

export interface SimulatorConfig {
  platform: PlatformConfig;
  push: PushConfig;
  /** host[:port] of the registered 授权发起页域名; Referer and redirect_uri must be on it. */
  launchDomain: string;
  whitelist: string[];
  ticketIntervalSeconds: number;
  ticketLifetimeSeconds: number;
  componentTokenSeconds: number;
  /** How long the previous component token stays valid after a new one (UNCONFIRMED 19; 0 = dies at once). */
  componentTokenOverlapSeconds: number;
  authorizerTokenSeconds: number;
  authorizerTokenOverlapSeconds: number;
  /** 600 in examples vs 1800 in CN text (UNCONFIRMED 1). */
  preAuthCodeSeconds: number;
  authCodeSeconds: number;
  /** AuthorizationCodeExpiredTime as a unix time or as seconds (UNCONFIRMED 3). */
  authCodeExpiredTimeFormat: 'timestamp' | 'seconds';
  /** Accept auth_type 4, 5, 6, 8 (UNCONFIRMED 2). */
  acceptExtendedAuthTypes: boolean;
  /** Errcode for a component token on an authorizer API (UNCONFIRMED 12: 40001 or 61015). */
  componentTokenOnAuthorizerApiErrcode: number;
  /** Token class of the new get/set_authorizer_option paths (UNCONFIRMED 4). */
  authorizerOptionNewPathToken: 'component' | 'authorizer' | 'either';
  /** queryquota accepts POST too (UNCONFIRMED 11). */
  queryquotaAcceptsPost: boolean;
  /** Include `rid` in the errmsg of successful responses as well. */
  ridOnSuccess: boolean;
  audit: AuditConfig;
  privacyScanSeconds: number;
  quota: QuotaConfig;
  /** Platform-level server domains modify_domain may use; null = any (the simulator cannot know yours). */
  platformServerDomains: string[] | null;
  /** Platform-level web-view (business) domains for setwebviewdomain. */
  platformWebviewDomains: string[];
  domainsPerType: number;
  /** 100 vs 300 (UNCONFIRMED 9). */
  webviewDomainLimit: number;
  domainChangesPerMonth: number;
  /** UNCONFIRMED 13. */
  testerLimit: number;
  fastRegistration: { delaySeconds: number; defaultStatus: number; alsoPushAuthorized: boolean };
  nicknameAuditSeconds: number;
  latencyMs: number;
  callLogSize: number;
  pushLogSize: number;
}

export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends unknown[] | null ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};
export type SimulatorConfigInput = DeepPartial<SimulatorConfig>;

export function defaultConfig(): SimulatorConfig {
  return {
    platform: {
      componentAppid: 'wx5f3c1a9b7d2e4f60',
      componentAppsecret: 'e0c3a41b9d7f2e5a8c6b1d0f3a9e7c24',
      token: 'wxfleetsimtoken',
      encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    },
    push: {
      componentEventUrl: null,
      messageUrlTemplate: null,
      timeoutMs: 5000,
      retries: 3,
      retryDelayMs: 1000,
      resignRetries: false,
      ticketOnStart: true,
    },
    launchDomain: '127.0.0.1:8400',
    whitelist: ['127.0.0.1'],
    ticketIntervalSeconds: 600,
    ticketLifetimeSeconds: 12 * 3600,
    componentTokenSeconds: 7200,
    componentTokenOverlapSeconds: 300,
    authorizerTokenSeconds: 7200,
    authorizerTokenOverlapSeconds: 300,
    preAuthCodeSeconds: 600,
    authCodeSeconds: 3600,
    authCodeExpiredTimeFormat: 'timestamp',
    acceptExtendedAuthTypes: true,
    componentTokenOnAuthorizerApiErrcode: 40001,
    authorizerOptionNewPathToken: 'either',
    queryquotaAcceptsPost: true,
    ridOnSuccess: false,
    audit: {
      durationSeconds: 60,
      defaultOutcome: 'success',
      afterDelayOutcome: 'success',
      monthlyQuota: 1000,
      speedupQuota: 5,
      undoPerDay: 5,
      undoPerMonth: 10,
      undoNothingErrcode: 87012,
      undoRefundsQuota: false,
      requireItemList: false,
      privacyGuideMissingErrcode: 61040,
    },
    privacyScanSeconds: 5,
    quota: {
      dailyLimit: 10000,
      perPath: { '/cgi-bin/component/api_component_token': 10000, '/cgi-bin/component/api_get_authorizer_info': 1000 },
      clearPerMonth: 10,
      clearApiPerMonth: 50,
    },
    platformServerDomains: null,
    platformWebviewDomains: ['https://www.example.com'],
    domainsPerType: 200,
    webviewDomainLimit: 100,
    domainChangesPerMonth: 50,
    testerLimit: 15,
    fastRegistration: { delaySeconds: 30, defaultStatus: 0, alsoPushAuthorized: true },
    nicknameAuditSeconds: 60,
    latencyMs: 0,
    callLogSize: 2000,
    pushLogSize: 1000,
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys whose value is a free-form map rather than a nested section. */
const MAPS = new Set(['quota.perPath']);
const NULLABLE = new Set(['push.componentEventUrl', 'push.messageUrlTemplate', 'platformServerDomains']);

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
          : 'string'
        : Array.isArray(current)
          ? 'array'
          : typeof current;
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    if (expected !== actual) throw new ConfigError(`config key "${path}" must be a ${expected}, got ${actual}`);
    if (Array.isArray(value) && !value.every((v) => typeof v === 'string')) {
      throw new ConfigError(`config key "${path}" must be an array of strings`);
    }
    if (
      typeof value === 'number' &&
      (!Number.isFinite(value) || value < (path === 'audit.undoNothingErrcode' ? -Infinity : 0))
    ) {
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
