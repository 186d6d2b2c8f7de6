import { coded } from '../../contract/codes.js';
import type { HandlersOf } from '../../contract/handlers.js';
import { CodedError } from '../../contract/result.js';
import type { DeployJobSpec, JobView } from '../../contract/release.js';
import type { FastRegistration } from '../onboarding/fast-registration.js';
import type { Store } from '../platform/store/store.js';
import { categoryOptions } from '../readiness/category-options.js';
import type { ReadinessFixer } from '../readiness/readiness-fixer.js';
import type { ReadinessService } from '../readiness/readiness-service.js';
import type { WeChatApi } from '../wechat/client/wechat-api.js';

export type ReadinessChannel =
  | 'readiness:get'
  | 'readiness:refresh'
  | 'readiness:profile'
  | 'readiness:saveProfile'
  | 'readiness:fix'
  | 'readiness:fixAll'
  | 'readiness:preflight'
  | 'readiness:icp'
  | 'readiness:categories'
  | 'registrations:list'
  | 'registrations:start'
  | 'registrations:refresh';

/** The `readiness:*` channels. */
export function createReadinessHandlers(s: {
  readiness: ReadinessService;
  fixer: ReadinessFixer;
  api: Pick<WeChatApi, 'getAllCategories'>;
  registration: FastRegistration;
}): HandlersOf<ReadinessChannel> {
  const { readiness, fixer } = s;
  return {
    'readiness:get': async (appid) => readiness.view(appid),
    'readiness:refresh': (appids) => readiness.refreshMany(appids),
    'readiness:profile': async () => readiness.profile(),
    'readiness:saveProfile': (profile) => readiness.saveProfile(profile),
    'readiness:fix': (req) => fixer.fix(req),
    'readiness:fixAll': (appids) => fixer.fixAll(appids),
    'readiness:preflight': ({ appids, autoRelease }) => readiness.preflight(appids, autoRelease),
    'readiness:icp': (appid) => fixer.icpStatus(appid),
    'readiness:categories': (appid) => categoryOptions(s.api, appid),
    'registrations:list': () => s.registration.list(),
    'registrations:start': (input) => s.registration.start(input),
    'registrations:refresh': (taskid) => s.registration.refresh(taskid),
  };
}

/**
 * Deploys spend audit quota only on mini-programs that can pass: the pre-flight runs first, the ones not ready are
 * left out of the job and listed on it with why.
 */
export function deployWithPreflight(deps: {
  readiness: ReadinessService;
  store: Pick<Store, 'readiness'>;
  start: (spec: DeployJobSpec) => Promise<JobView>;
  get: (id: string) => Promise<JobView>;
}): (spec: DeployJobSpec) => Promise<JobView> {
  return async ({ preflight, ...spec }) => {
    if (preflight !== true) return deps.start(spec);
    const { ready, held } = await deps.readiness.preflight(spec.appids, spec.autoRelease);
    if (ready.length === 0) {
      const why = held.map((h) => `${h.nickname}: ${h.keys.join(', ')}`).join('; ');
      throw new CodedError('not_ready', coded('deploy_nothing_ready', { held: why }));
    }
    const job = await deps.start({ ...spec, appids: ready, canary: Math.min(spec.canary, ready.length) });
    if (held.length === 0) return job;
    await deps.store.readiness.update((d) => {
      d.heldOut[job.id] = held.map((h) => ({ appid: h.appid, keys: h.keys }));
    });
    return deps.get(job.id);
  };
}

/** The job view with the mini-programs its pre-flight left out. */
export function withHeldOut(store: Pick<Store, 'readiness' | 'authorizers'>, job: JobView): JobView {
  const held = store.readiness.data.heldOut[job.id];
  if (held === undefined || held.length === 0) return job;
  return {
    ...job,
    heldOut: held.map((h) => ({
      appid: h.appid,
      nickname: store.authorizers.data.byAppid[h.appid]?.nickname ?? h.appid,
      keys: h.keys as NonNullable<JobView['heldOut']>[number]['keys'],
    })),
  };
}
