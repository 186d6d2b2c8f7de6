import type { Coded } from '../../../contract/codes.js';
import { storeCoded } from '../../platform/store/stored-text.js';
import type { JobRecord, PauseKind } from '../../platform/store/release-aggregate.js';
import { isActive } from '../steps/run-step.js';
import type { RetryPlan } from './job-retry.js';

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

/** Items whose mini-program already runs this template and version are skipped, with the reason (not forced). */
export function skipRunning(
  job: JobRecord,
  running: (appid: string) => { templateId: number | null; userVersion: string | null } | null,
): void {
  for (const item of Object.values(job.items)) {
    const now = running(item.appid);
    if (now && now.templateId === job.spec.templateId && now.userVersion === job.spec.userVersion) {
      item.state = 'skipped';
      item.skipReason = 'skip_same_version';
    }
  }
}

/** Applies a retry plan (job-retry): each item goes where its action says; a finished or paused job runs again. */
export function retryItems(job: JobRecord, now: number, plan: RetryPlan, feedback: string | null): void {
  let any = false;
  for (const item of Object.values(job.items)) {
    const action = plan.get(item.appid) ?? 'none';
    if (action === 'none' || (item.state !== 'failed' && item.state !== 'rejected')) continue;
    any = true;
    const rejected = item.state === 'rejected';
    if (action === 'recommit') {
      Object.assign(item, { state: 'pending', extJsonHash: null, auditId: null });
      Object.assign(item, { commitSentAt: null, submitSentAt: null, releaseSentAt: null });
    } else if (action === 'resubmit') {
      Object.assign(item, { state: 'submitting', auditId: null, submitSentAt: null, releaseSentAt: null });
    } else {
      item.state = item.failedFrom ?? 'pending';
    }
    // Only a re-submission after a rejection carries feedback (WeChat ignores it otherwise).
    if (rejected || feedback !== null) item.feedbackInfo = feedback;
    item.failedFrom = null;
    item.error = null;
    item.attempts = 0;
    item.nextAt = now;
  }
  if (any && (job.status === 'finished' || job.status === 'paused')) {
    job.status = 'running';
    job.pauseKind = 'none';
    job.pauseReason = null;
  }
}
