import type { JobRecord } from './release-aggregate.js';

/**
 * After a restart nothing says whether the last step of an unfinished item reached WeChat (intents are written
 * without waiting, for speed). Mark each such step as "maybe sent since the job began", so the pipeline asks
 * WeChat (getversioninfo, get_latest_auditstatus) before it sends a commit, a submission or a release again.
 */
export function markUncertain(job: JobRecord): void {
  let submitted = 0;
  for (const item of Object.values(job.items)) {
    if (item.auditId !== null) submitted++;
    switch (item.state) {
      case 'pending':
      case 'committing':
        item.commitSentAt ??= job.createdAt;
        break;
      case 'committed':
      case 'scanning':
      case 'submitting':
        item.submitSentAt ??= job.createdAt;
        break;
      case 'passed':
      case 'releasing':
        item.releaseSentAt ??= job.createdAt;
        break;
      default:
        break;
    }
  }
  // Audits spent but not yet counted when the process stopped.
  job.auditsSpent = Math.max(job.auditsSpent, submitted);
}
