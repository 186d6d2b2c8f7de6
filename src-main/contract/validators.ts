/**
 * Argument checks for every invoke channel, shared by the Electron shell and the web host. They run before any side
 * effect: anything the schemas (schemas.ts) do not describe — extra arguments, unknown keys, wrong types, objects
 * that are not plain data, `__proto__`/`constructor` keys — is refused with `invalid_argument`.
 */
import type { z } from 'zod';
import type { InvokeChannel, InvokeMap } from './ipc';
import { ARGS, FORBIDDEN_KEYS } from './schemas';

export type ArgsCheck<C extends InvokeChannel> = (args: unknown[]) => args is InvokeMap[C]['args'];

/** Each schema's type and the channel's declared arguments must be the same, both ways: a drift does not compile. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchTheContract: { [C in InvokeChannel]: Same<z.infer<(typeof ARGS)[C]>, InvokeMap[C]['args']> } = {
  'app:info': true,
  'settings:get': true,
  'settings:savePlatform': true,
  'settings:saveRelay': true,
  'settings:savePreferences': true,
  'settings:testConnection': true,
  'overview:get': true,
  'events:list': true,
  'authorizers:list': true,
  'authorizers:get': true,
  'authorizers:sync': true,
  'authorizers:setTags': true,
  'authorizers:experienceQr': true,
  'invitations:list': true,
  'invitations:create': true,
  'invitations:revoke': true,
  'templates:get': true,
  'templates:sync': true,
  'templates:addDraft': true,
  'templates:delete': true,
  'templates:setDefault': true,
  'extjson:get': true,
  'extjson:save': true,
  'extjson:preview': true,
  'extjson:submitPreview': true,
  'ledger:list': true,
  'audits:list': true,
  'audits:quota': true,
  'audits:refresh': true,
  'audits:withdraw': true,
  'audits:speedup': true,
  'audits:release': true,
  'audits:screenshot': true,
  'versions:state': true,
  'versions:revert': true,
  'versions:grayRelease': true,
  'versions:releaseFully': true,
  'versions:revertGray': true,
  'versions:setVisit': true,
  'versionJobs:list': true,
  'versionJobs:start': true,
  'versionJobs:cancel': true,
  'versionJobs:retryFailed': true,
  'logs:calls': true,
  'logs:operations': true,
  'jobs:list': true,
  'jobs:get': true,
  'jobs:startDeploy': true,
  'jobs:pause': true,
  'jobs:resume': true,
  'jobs:cancel': true,
  'jobs:retryFailed': true,
  'readiness:get': true,
  'readiness:refresh': true,
  'readiness:profile': true,
  'readiness:saveProfile': true,
  'readiness:fix': true,
  'readiness:fixAll': true,
  'readiness:preflight': true,
  'readiness:icp': true,
  'readiness:categories': true,
  'registrations:list': true,
  'registrations:start': true,
  'registrations:refresh': true,
};
void schemasMatchTheContract;

const MAX_DEPTH = 8;

/** Arrays and objects whose prototype is Object's (or none), without a key that reaches prototype machinery. */
function isPlainData(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((v) => isPlainData(v, depth + 1));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  if (FORBIDDEN_KEYS.some((key) => Object.hasOwn(value, key))) return false;
  return Object.values(value).every((v) => isPlainData(v, depth + 1));
}

function check<C extends InvokeChannel>(channel: C): ArgsCheck<C> {
  const schema = ARGS[channel];
  return (values): values is InvokeMap[C]['args'] =>
    Array.isArray(values) && isPlainData(values) && schema.safeParse(values).success;
}

export const VALIDATORS = Object.fromEntries(
  (Object.keys(ARGS) as InvokeChannel[]).map((channel) => [channel, check(channel)]),
) as { [C in InvokeChannel]: ArgsCheck<C> };

export function validateArgs<C extends InvokeChannel>(channel: C, values: unknown[]): values is InvokeMap[C]['args'] {
  return VALIDATORS[channel](values);
}
