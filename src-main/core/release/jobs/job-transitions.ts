import type { Coded } from '../../../contract/codes.js';
import { storeCoded } from '../../platform/store/stored-text.js';
import type { JobRecord, PauseKind } from '../../platform/store/release-aggregate.js';
import { isActive } from '../steps/run-step.js';

/** What the user's commands and the engine's own stops do to a job record: pure, applied inside one store update. */

export function pauseJob(job: JobRecord, kind: PauseKind, reason: Coded): void {
  job.status = 'paused';
  job.pauseKind = kind;
  job.pauseReason = storeCoded(reason);
}

/**
 * Whether a stop a step ran into still holds when it is applied: a step may hit the budget just before the user
 * resumes (consenting to spend more), and its stop must not undo that consent.
 */
export function stopStillHolds(job: JobRecord, kind: PauseKind): boolean {
  if (kind !== 'budget') return true;
  const budget = job.spec.auditBudget;
  return budget !== null && job.auditsSpent >= budget;
}

/** Resuming is consent: to go on after a failed canary, to spend beyond the budget, to ignore the failures so far. */
export function resumeJob(job: JobRecord): void {
  if (job.pauseKind === 'canary') job.canaryAccepted = true;
  if (job.pauseKind === 'budget') job.spec.auditBudget = null;
  if (job.pauseKind === 'stop_the_line') {
    const done = Object.values(job.items).filter((i) => !isActive(i.state, job.spec.autoRelease));
    job.ackFinished = done.length;
    job.ackFailed = done.filter((i) => i.state === 'failed' || i.state === 'rejected').length;
  }
  job.status = 'running';
  job.pauseKind = 'none';
  job.pauseReason = null;
}

/** Items with work left are cancelled, except those whose step is running now (they finish, then stop). */
export function cancelJob(job: JobRecord, inflight: ReadonlySet<string>): void {
  job.status = 'cancelled';
  job.pauseReason = null;
  for (const item of Object.values(job.items)) {
    if (isActive(item.state, job.spec.autoRelease) && !inflight.has(item.appid)) item.state = 'cancelled';
  }
}

/** Failed items go back to the state they failed in, with fresh attempts; a finished or paused job runs again. */
export function retryFailedItems(job: JobRecord, now: number): void {
  for (const item of Object.values(job.items)) {
    if (item.state !== 'failed') continue;
    item.state = item.failedFrom ?? 'pending';
    item.failedFrom = null;
    item.error = null;
    item.attempts = 0;
    item.nextAt = now;
  }
  if (job.status === 'finished' || job.status === 'paused') {
    job.status = 'running';
    job.pauseKind = 'none';
    job.pauseReason = null;
  }
}
