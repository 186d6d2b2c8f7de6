import type { StepEnv } from '../steps/step-env.js';
import { RateLimiter } from './token-bucket.js';

/**
 * What the pipeline steps run with: calls pass the endpoint's token bucket; ledger writes run beside the pipeline
 * and are collected in `records`, which the engine drains before it reports a job finished.
 */
/** The services a step environment is made of. */
export type StepEnvDeps = Pick<
  StepEnv,
  'api' | 'ledger' | 'renderExtJson' | 'audits' | 'clock' | 'logger' | 'settings'
>;

export function makeStepEnv(deps: StepEnvDeps, records: Set<Promise<unknown>>): StepEnv {
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
    call: async (endpoint, fn) => {
      await limiter.take(endpoint);
      return fn();
    },
    record: (entry) => {
      const p = deps.ledger.record(entry).catch((err: unknown) => {
        deps.logger.error('ledger write failed', { appid: entry.appid, kind: entry.kind, error: err });
      });
      records.add(p);
      void p.finally(() => records.delete(p));
      return Promise.resolve();
    },
  };
}
