import type { HandlersOf } from '@contract/handlers';
import type { AuditService } from '../release/audits/audit-service.js';
import type { JobEngine } from '../release/jobs/job-engine.js';
import type { VersionOps } from '../release/versions/version-ops.js';

export type ReleaseChannel =
  | 'audits:list'
  | 'audits:quota'
  | 'audits:refresh'
  | 'audits:withdraw'
  | 'audits:speedup'
  | 'audits:release'
  | 'audits:screenshot'
  | 'versions:revert'
  | 'versions:grayRelease'
  | 'versions:revertGray'
  | 'versions:setVisit'
  | 'jobs:list'
  | 'jobs:get'
  | 'jobs:startDeploy'
  | 'jobs:pause'
  | 'jobs:resume'
  | 'jobs:cancel'
  | 'jobs:retryFailed';

/** The `audits:*`, `versions:*` and `jobs:*` channels. */
export function createReleaseHandlers(services: {
  audits: AuditService;
  engine: JobEngine;
  versions: VersionOps;
}): HandlersOf<ReleaseChannel> {
  const { audits: a, engine, versions } = services;
  return {
    'audits:list': async () => a.list(),
    'audits:quota': () => a.quota(),
    'audits:refresh': (appid) => a.refresh(appid),
    'audits:withdraw': (appid) => a.withdraw(appid),
    'audits:speedup': (appid) => a.speedup(appid),
    'audits:release': (appid) => a.release(appid),
    'audits:screenshot': (appid, mediaId) => a.screenshot(appid, mediaId),
    'versions:revert': (appid) => versions.revert(appid),
    'versions:grayRelease': (appid, percentage) => versions.grayRelease(appid, percentage),
    'versions:revertGray': (appid) => versions.revertGray(appid),
    'versions:setVisit': (appid, action) => versions.setVisit(appid, action),
    'jobs:list': async () => engine.list(),
    'jobs:get': (id) => engine.detail(id),
    'jobs:startDeploy': (spec) => engine.start(spec),
    'jobs:pause': (id) => engine.pause(id),
    'jobs:resume': (id) => engine.resume(id),
    'jobs:cancel': (id) => engine.cancel(id),
    'jobs:retryFailed': (id, options) => engine.retryFailed(id, options),
  };
}
