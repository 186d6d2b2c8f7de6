import type { Coded } from '../../../contract/codes.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Logger } from '../../platform/log/logger.js';
import type { JobRecord, PauseKind } from '../../platform/store/release-aggregate.js';
import type { QuotaGuard } from '../audits/quota-guard.js';
import type { ReleaseSettings } from '../release-settings.js';
import { runStep } from '../steps/run-step.js';
import type { ItemPatch, StepEnv, StepInput } from '../steps/step-env.js';
import { itemFailure } from './item-failure.js';
import { stopStillHolds } from './job-transitions.js';

/** What running one item's step needs from the job engine. */
export interface ItemRunHost {
  env: StepEnv;
  quota: QuotaGuard;
  clock: Clock;
  logger: Logger;
  settings: ReleaseSettings;
  random: () => number;
  job(id: string): JobRecord;
  setJob(id: string, fn: (job: JobRecord) => void): Promise<void>;
  patchItem(jobId: string, appid: string, patch: ItemPatch): Promise<void>;
  /** Hands a write nobody waits for to the task group. */
  write(jobId: string, written: Promise<void>): void;
  pause(id: string, kind: PauseKind, reason: Coded): Promise<unknown>;
  /** Applies an audit result the book may already hold for the item. */
  settleAudit(jobId: string, appid: string): void;
}

/** Runs the step the item's state calls for and records what came of it: the next state, a failure or a pause. */
export async function runJobItem(host: ItemRunHost, jobId: string, appid: string): Promise<void> {
  const job = host.job(jobId);
  const item = job.items[appid];
  if (!item) return;
  const spend = (delta: number): void =>
    host.write(
      jobId,
      host.setJob(jobId, (j) => (j.auditsSpent += delta)),
    );
  const input: StepInput = {
    jobId,
    spec: job.spec,
    item: { ...item },
    recordIntent: (patch) => host.write(jobId, host.patchItem(jobId, appid, patch)),
    reserveAudit: () => host.quota.reserve(host.job(jobId), spend),
    refundAudit: () => host.quota.refund(spend),
  };
  const step = runStep(host.env, input);
  if (!step) return;
  try {
    const patch = await step;
    // An audit result applied while this step polled is newer than the step's "ask again later".
    const overtaken =
      input.item.state === 'auditing' &&
      patch.state === undefined &&
      host.job(jobId).items[appid]?.state !== 'auditing';
    if (!overtaken) host.write(jobId, host.patchItem(jobId, appid, { error: null, ...patch }));
    if (patch.state !== undefined && patch.state !== input.item.state)
      host.logger.debug('job item moved', { jobId, appid, from: input.item.state, to: patch.state });
    // The result may have been pushed while the submission was still being written.
    host.settleAudit(jobId, appid);
  } catch (err) {
    const current = host.job(jobId).items[appid] ?? item;
    const out = itemFailure(current, err, host.clock.now(), host.settings, host.random);
    if (!out.pause) host.logger.info('job item step failed', { jobId, appid, state: current.state, error: err });
    await host.patchItem(jobId, appid, out.patch);
    if (out.pause && stopStillHolds(host.job(jobId), out.pause.kind))
      await host.pause(jobId, out.pause.kind, out.pause.reason);
  }
}
