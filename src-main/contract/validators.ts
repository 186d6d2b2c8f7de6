/**
 * Pure argument checks for every invoke channel, shared by the Electron shell and the web host. They run before any
 * side effect; anything not described by the contract (extra arguments, unknown keys, wrong types) is refused.
 */
import type { InvokeChannel, InvokeMap } from './ipc';
import { READINESS_KEYS } from './readiness';

export type ArgsCheck<C extends InvokeChannel> = (args: unknown[]) => args is InvokeMap[C]['args'];
type Check = (value: unknown) => boolean;

const MAX_TEXT = 4096;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const str =
  (max = MAX_TEXT): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max;
const nonEmpty =
  (max = MAX_TEXT): Check =>
  (v) =>
    typeof v === 'string' && v.length > 0 && v.length <= max;
const appid: Check = (v) => typeof v === 'string' && /^wx[0-9a-zA-Z]{6,32}$/.test(v);
const id: Check = (v) => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);
const int =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const num =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const bool: Check = (v) => typeof v === 'boolean';
const oneOf =
  (...values: readonly unknown[]): Check =>
  (v) =>
    values.includes(v);
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const arrayOf =
  (check: Check, max: number): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(check);
const stringMap =
  (maxKeys: number): Check =>
  (v) =>
    isRecord(v) && Object.keys(v).length <= maxKeys && Object.values(v).every(str());

/** An object whose keys are all known; `required` keys must be present, the others may be absent. */
function shape(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (v) => {
    if (!isRecord(v)) return false;
    for (const key of Object.keys(v)) {
      const check = required[key] ?? optional[key];
      if (check === undefined) return false;
      if (v[key] === undefined && key in optional) continue;
      if (!check(v[key])) return false;
    }
    return Object.keys(required).every((key) => key in v);
  };
}

function args<C extends InvokeChannel>(...checks: Check[]): ArgsCheck<C> {
  return (values): values is InvokeMap[C]['args'] =>
    values.length === checks.length && checks.every((check, i) => check(values[i]));
}

const templateId = int(0, Number.MAX_SAFE_INTEGER);
const MAX_APPIDS = 10_000;

const platformInput = shape(
  {},
  {
    componentAppid: (v) => typeof v === 'string' && /^wx[0-9a-f]{16}$/.test(v),
    appsecret: nonEmpty(128),
    token: (v) => typeof v === 'string' && /^[A-Za-z0-9]{3,32}$/.test(v),
    encodingAESKey: (v) => typeof v === 'string' && /^[A-Za-z0-9]{43}$/.test(v),
    previousEncodingAESKey: nullable((v) => typeof v === 'string' && /^[A-Za-z0-9]{43}$/.test(v)),
  },
);
const relayInput = shape(
  {},
  { url: (v) => typeof v === 'string' && /^(https?|wss?):\/\/\S{1,2000}$/.test(v), deviceToken: nonEmpty(256) },
);
const preferencesInput = shape(
  {},
  { egress: oneOf('relay', 'direct'), language: oneOf('zh-CN', 'en'), theme: oneOf('light', 'dark') },
);
const authorizerFilter = shape(
  {},
  {
    search: str(200),
    status: oneOf('authorized', 'needs_reauth', 'revoked'),
    templateId,
    tag: str(64),
    drift: bool,
    notReady: oneOf('any', ...READINESS_KEYS),
  },
);
const extJsonConfig = shape({
  templateId,
  base: str(64 * 1024),
  merchants: (v) =>
    isRecord(v) &&
    Object.keys(v).length <= MAX_APPIDS &&
    Object.entries(v).every(
      ([key, value]) => appid(key) && shape({ variables: stringMap(200) }, { override: str(64 * 1024) })(value),
    ),
});
const deployJobSpec = shape(
  {
    templateId,
    appids: (v) => arrayOf(appid, MAX_APPIDS)(v) && (v as unknown[]).length > 0,
    userVersion: nonEmpty(64),
    userDesc: str(512),
    canary: int(0, MAX_APPIDS),
    autoRelease: bool,
  },
  { concurrency: int(1, 64), stopTheLine: num(0, 1), auditBudget: int(0, 100_000), preflight: bool },
);

const appids = (v: unknown): boolean => arrayOf(appid, MAX_APPIDS)(v) && (v as unknown[]).length > 0;
const domainList = arrayOf(str(300), 200);
const ownerFields = {
  contactPhone: str(64),
  contactEmail: str(200),
  contactWeixin: str(64),
  noticeMethod: str(200),
  storePeriod: str(200),
  storeRegion: int(0, 100_000),
};
const readinessProfile = shape({
  guide: shape({
    purposes: arrayOf(shape({ privacyKey: nonEmpty(64), text: str(500) }), 100),
    owner: shape(ownerFields),
  }),
  merchantOwners: (v) =>
    isRecord(v) &&
    Object.keys(v).length <= MAX_APPIDS &&
    Object.entries(v).every(([key, value]) => appid(key) && shape({}, ownerFields)(value)),
  domains: shape({
    requestdomain: domainList,
    wsrequestdomain: domainList,
    uploaddomain: domainList,
    downloaddomain: domainList,
    webviewdomain: domainList,
  }),
  interfaceReasons: stringMap(50),
});
const fixRequest: Check = (v) =>
  shape({ action: oneOf('apply_privacy_guide', 'apply_privacy_interfaces', 'apply_domains'), appids })(v) ||
  shape({ action: oneOf('add_category'), appids }, { first: int(0, 1e9), second: int(0, 1e9) })(v) ||
  shape(
    { action: oneOf('set_basic_info'), appids },
    {
      signature: str(120),
      nickname: str(64),
      avatar: (x) => typeof x === 'string' && /^data:image\/(png|jpeg);base64,/.test(x) && x.length <= 3_000_000,
    },
  )(v) ||
  shape({ action: oneOf('bind_tester'), appids, wechatid: nonEmpty(64) })(v) ||
  shape({ action: oneOf('unbind_tester'), appids, userstr: nonEmpty(128) })(v);

export const VALIDATORS: { [C in InvokeChannel]: ArgsCheck<C> } = {
  'app:info': args(),
  'settings:get': args(),
  'settings:savePlatform': args(platformInput),
  'settings:saveRelay': args(relayInput),
  'settings:savePreferences': args(preferencesInput),
  'settings:testConnection': args(),
  'overview:get': args(),
  'events:list': args(shape({}, { search: str(200), limit: int(1, 5000) })),
  'authorizers:list': args(authorizerFilter),
  'authorizers:get': args(appid),
  'authorizers:sync': args(nullable(appid)),
  'authorizers:setTags': args(appid, arrayOf(nonEmpty(32), 50)),
  'authorizers:experienceQr': args(appid),
  'invitations:list': args(),
  'invitations:create': args(shape({ note: str(200) })),
  'invitations:revoke': args(id),
  'templates:get': args(),
  'templates:sync': args(),
  'templates:addDraft': args(templateId),
  'templates:delete': args(templateId),
  'templates:setDefault': args(templateId),
  'extjson:get': args(templateId),
  'extjson:save': args(extJsonConfig),
  'extjson:preview': args(templateId, arrayOf(appid, MAX_APPIDS)),
  'ledger:list': args(appid),
  'audits:list': args(),
  'audits:quota': args(),
  'audits:refresh': args(appid),
  'audits:withdraw': args(appid),
  'audits:speedup': args(appid),
  'audits:release': args(appid),
  'audits:screenshot': args(appid, nonEmpty(256)),
  'versions:revert': args(appid),
  'versions:grayRelease': args(appid, int(1, 100)),
  'versions:revertGray': args(appid),
  'versions:setVisit': args(appid, oneOf('open', 'close')),
  'jobs:list': args(),
  'jobs:get': args(id),
  'jobs:startDeploy': args(deployJobSpec),
  'jobs:pause': args(id),
  'jobs:resume': args(id),
  'jobs:cancel': args(id),
  'jobs:retryFailed': args(id),
  'readiness:get': args(appid),
  'readiness:refresh': args(nullable(appids)),
  'readiness:profile': args(),
  'readiness:saveProfile': args(readinessProfile),
  'readiness:fix': args(fixRequest),
  'readiness:fixAll': args(appids),
  'readiness:preflight': args(shape({ appids, autoRelease: bool })),
  'readiness:icp': args(appid),
  'readiness:categories': args(appid),
  'registrations:list': args(),
  'registrations:start': args(
    (v: unknown) =>
      shape({ kind: oneOf('enterprise'), name: nonEmpty(100), code: nonEmpty(32) }, { phone: str(32) })(v) ||
      shape({ kind: oneOf('personal'), wxuser: nonEmpty(64) }, { phone: str(32) })(v),
  ),
  'registrations:refresh': args(nonEmpty(128)),
};

export function validateArgs<C extends InvokeChannel>(channel: C, values: unknown[]): values is InvokeMap[C]['args'] {
  return VALIDATORS[channel](values);
}
