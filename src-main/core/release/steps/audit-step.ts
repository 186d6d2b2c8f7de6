import { coded } from '../../../contract/codes.js';
import { itemError } from './item-error.js';
import { splitScreenshots } from '../audits/audit-book.js';
import { reasonText } from '../ledger/sanitize-html.js';
import type { AuditRecord } from '../../platform/store/release-aggregate.js';
import type { ItemPatch, StepEnv, StepInput } from './step-env.js';

/**
 * WeChat's rejection reason (sanitized HTML) as text for the item: line breaks kept, entities decoded once; the job
 * drawer shows the reason itself through the safe renderer, the Audits page too.
 */
const plainText = (html: string | null): string =>
  reasonText(html ?? '')
    .trim()
    .slice(0, 300) || '-';

/** What a final audit result makes of a job item under audit; null while the audit is not decided. */
export function auditOutcome(autoRelease: boolean, record: AuditRecord, now: number): ItemPatch | null {
  switch (record.state) {
    case 'passed':
      return autoRelease ? { state: 'releasing', nextAt: now } : { state: 'passed' };
    case 'rejected':
      return {
        state: 'rejected',
        error: itemError(coded('audit_rejected', { appid: record.appid, reason: plainText(record.reason) })),
      };
    case 'withdrawn':
      return { state: 'withdrawn' };
    default:
      return null;
  }
}

/** auditing → passed/rejected/withdrawn: the push usually decides; otherwise poll get_latest_auditstatus. */
export async function auditStep(env: StepEnv, input: StepInput): Promise<ItemPatch> {
  const { appid, auditId } = input.item;
  const now = env.clock.now();
  const known = env.audits.record(appid);
  if (known && known.auditId === auditId) {
    const decided = auditOutcome(input.spec.autoRelease, known, now);
    if (decided) return decided;
  }
  const latest = await env.call('getLatestAuditStatus', () => env.api.getLatestAuditStatus(appid));
  if (latest.auditid === auditId) {
    const record = await env.audits.resolved(appid, {
      status: latest.status,
      reason: latest.reason ?? '',
      screenshots: splitScreenshots(latest.ScreenShot ?? latest.screenshot),
      auditId,
    });
    const decided = record ? auditOutcome(input.spec.autoRelease, record, now) : null;
    if (decided) return decided;
  }
  return { nextAt: now + env.settings.auditPollMs };
}
