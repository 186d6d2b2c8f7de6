import type { StepEnv } from '../steps/step-env.js';
import { RateLimiter } from './token-bucket.js';

/** The services a step environment is made of. */
export type StepEnvDeps = Pick<
  StepEnv,
  'api' | 'ledger' | 'renderExtJson' | 'audits' | 'clock' | 'logger' | 'settings' | 'submitProfile'
>;

/**
 * What the pipeline steps run with: calls pass the endpoint's token bucket; a ledger write runs beside the pipeline
 * and is handed to `started` (the engine tracks it and waits for it before it reports a job finished). A failed
 * ledger write is logged; the promise handed over never rejects.
 */
export function makeStepEnv(deps: StepEnvDeps, started: (written: Promise<void>) => void): StepEnv {
  const { settings } = deps;
  const limiter = new RateLimiter(deps.clock, (e) => settings.rateByEndpoint[e] ?? settings.rate);
  return {
    api: deps.api,
    ledger: deps.ledger,
    renderExtJson: deps.renderExtJson,
    audits: deps.audits,
    clock: deps.clock,
    logger: deps.logger,
    settings,
    ...(deps.submitProfile ? { submitProfile: deps.submitProfile } : {}),
    call: async (endpoint, fn) => {
      await limiter.take(endpoint);
      return fn();
    },
    record: (entry) => {
      started(
        deps.ledger.record(entry).then(
          () => undefined,
          (error: unknown) => deps.logger.error('ledger write failed', { appid: entry.appid, kind: entry.kind, error }),
        ),
      );
      return Promise.resolve();
    },
  };
}
