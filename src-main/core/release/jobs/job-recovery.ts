import type { ItemRecord, JobRecord } from '../../platform/store/release-aggregate.js';

/** 0: the commit may have been sent; 1: the submission; 2: the release. */
const LATER: Partial<Record<ItemRecord['state'], number>> = {
  pending: 0,
  committing: 0,
  committed: 1,
  scanning: 1,
  submitting: 1,
  auditing: 2,
  passed: 2,
  releasing: 2,
};

/**
 * After a restart nothing says whether the last step of an unfinished item reached WeChat (intents are written
 * without waiting, for speed). Mark each such step as "maybe sent since the job began", so the pipeline asks
 * WeChat (getversioninfo, get_latest_auditstatus) before it sends a commit, a submission or a release again.
 */
export function markUncertain(job: JobRecord): void {
  let submitted = 0;
  for (const item of Object.values(job.items)) {
    if (item.auditId !== null) submitted++;
    // Every later step may have happened too: the state written last can lag several steps behind.
    const from = LATER[item.state];
    if (from === undefined) continue;
    if (from <= 0) item.commitSentAt ??= job.createdAt;
    if (from <= 1) item.submitSentAt ??= job.createdAt;
    if (from <= 2) item.releaseSentAt ??= job.createdAt;
  }
  // Audits spent but not yet counted when the process stopped.
  job.auditsSpent = Math.max(job.auditsSpent, submitted);
}
