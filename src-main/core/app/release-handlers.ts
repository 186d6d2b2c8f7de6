import type { HandlersOf } from '@contract/handlers';
import type { AuditService } from '../release/audits/audit-service.js';
import type { JobEngine } from '../release/jobs/job-engine.js';
import type { VersionJobs } from '../release/versions/version-jobs.js';
import type { VersionOps } from '../release/versions/version-ops.js';

export type ReleaseChannel =
  | 'audits:list'
  | 'audits:quota'
  | 'audits:refresh'
  | 'audits:withdraw'
  | 'audits:speedup'
  | 'audits:release'
  | 'audits:screenshot'
  | 'versions:state'
  | 'versions:revert'
  | 'versions:grayRelease'
  | 'versions:releaseFully'
  | 'versions:revertGray'
  | 'versions:setVisit'
  | 'versionJobs:list'
  | 'versionJobs:start'
  | 'versionJobs:cancel'
  | 'versionJobs:retryFailed'
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
  versionJobs: VersionJobs;
}): HandlersOf<ReleaseChannel> {
  const { audits: a, engine, versions, versionJobs } = services;
  return {
    'audits:list': async () => a.list(),
    'audits:quota': () => a.quota(),
    'audits:refresh': (appid) => a.refresh(appid),
    'audits:withdraw': (appid) => a.withdraw(appid),
    'audits:speedup': (appid) => a.speedup(appid),
    'audits:release': (appid) => a.release(appid),
    'audits:screenshot': (appid, mediaId) => a.screenshot(appid, mediaId),
    'versions:state': (appid) => versions.state(appid),
    'versions:revert': (appid, appVersion) => versions.revert(appid, appVersion),
    'versions:grayRelease': (appid, options) => versions.grayRelease(appid, options),
    'versions:releaseFully': (appid) => versions.releaseFully(appid),
    'versions:revertGray': (appid) => versions.revertGray(appid),
    'versions:setVisit': (appid, action) => versions.setVisit(appid, action),
    'versionJobs:list': async () => versionJobs.list(),
    'versionJobs:start': (spec) => versionJobs.start(spec),
    'versionJobs:cancel': (id) => versionJobs.cancel(id),
    'versionJobs:retryFailed': (id) => versionJobs.retryFailed(id),
    'jobs:list': async () => engine.list(),
    'jobs:get': (id) => engine.detail(id),
    'jobs:startDeploy': (spec) => engine.start(spec),
    'jobs:pause': (id) => engine.pause(id),
    'jobs:resume': (id) => engine.resume(id),
    'jobs:cancel': (id) => engine.cancel(id),
    'jobs:retryFailed': (id, options) => engine.retryFailed(id, options),
  };
}
