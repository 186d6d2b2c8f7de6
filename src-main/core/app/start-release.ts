import { listenForAudits } from '../release/audits/audit-push-listener.js';
import type { ReleaseDeps } from '../release/release-deps.js';
import { releaseCoreOf } from './release-core.js';

export interface ReleaseRuntime {
  /** Stops scheduling and push handling; jobs stay durable and resume at the next start. */
  stop(): Promise<void>;
}

/** At start-up: applies audit pushes from the bus and resumes every job that was running before. */
export function startRelease(deps: ReleaseDeps): ReleaseRuntime {
  const core = releaseCoreOf(deps);
  const unsubscribe = listenForAudits(deps.pushBus, core.audits, deps.store, deps.logger);
  const resumed = core.engine
    .resumeAll()
    .catch((err: unknown) => deps.logger.error('resuming jobs failed', { error: err }));
  return {
    async stop() {
      unsubscribe();
      await resumed;
      await core.engine.stop();
    },
  };
}
