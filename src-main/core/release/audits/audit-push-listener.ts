import type { AppliedPush, PushBus } from '../../events/push-bus.js';
import type { Logger } from '../../platform/log/logger.js';
import type { Store } from '../../platform/store/store.js';
import type { AuditBook, AuditResult } from './audit-book.js';

function resultOf(applied: AppliedPush): AuditResult | null {
  const p = applied.push;
  if (p.kind === 'weapp_audit_success') return { status: 0, reason: '', screenshots: [] };
  if (p.kind === 'weapp_audit_fail') return { status: 1, reason: p.reason, screenshots: p.screenshots };
  if (p.kind === 'weapp_audit_delay') return { status: 4, reason: p.reason, screenshots: [] };
  return null;
}

/** Applies weapp_audit_success/fail/delay (02 B9–B11); the appid comes with the push or from its `gh_` id. */
export function listenForAudits(
  bus: PushBus,
  audits: AuditBook,
  store: Pick<Store, 'authorizers'>,
  logger: Logger,
): () => void {
  return bus.subscribe(async (applied) => {
    const result = resultOf(applied);
    if (!result || applied.push.kind === 'unknown' || applied.push.channel !== 'app') return;
    const gh = applied.push.toUserName;
    const appid =
      applied.appid ?? Object.values(store.authorizers.data.byAppid).find((a) => a.userName === gh)?.appid ?? null;
    if (!appid) {
      logger.warn('audit push for an unknown mini-program', { toUserName: gh, kind: applied.push.kind });
      return;
    }
    if (!audits.record(appid)) {
      logger.info('audit push for a submission made outside wxfleet', { appid, kind: applied.push.kind });
      return;
    }
    await audits.resolved(appid, result);
  });
}
