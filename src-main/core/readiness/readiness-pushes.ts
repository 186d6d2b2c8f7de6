import type { PushBus } from '../events/push-bus.js';
import type { Logger } from '../platform/log/logger.js';
import type { Store } from '../platform/store/store.js';
import type { TaskGroup } from '../platform/tasks/task-group.js';
import type { ReadinessService } from './readiness-service.js';

/** Pushes after which WeChat's answer to a readiness item may have changed (02 B9, B15–B17). */
const REFRESHING = new Set([
  'wxa_privacy_apply',
  'wxa_category_audit',
  'wxa_nickname_audit',
  'notify_apply_icpfiling_result',
  // After an audit the committed code is the audited one: its privacy use is what counts now.
  'weapp_audit_success',
  'weapp_audit_fail',
  'weapp_audit_delay',
  'updateauthorized',
]);

/** Re-reads a mini-program's readiness in the background when one of those pushes arrives for it. */
export function refreshOnPushes(
  bus: PushBus,
  deps: { readiness: ReadinessService; store: Pick<Store, 'authorizers'>; tasks: TaskGroup; logger: Logger },
): () => void {
  return bus.subscribe(async (applied) => {
    const push = applied.push;
    if (!REFRESHING.has(push.kind)) return;
    const byGh = (gh: string | undefined): string | null =>
      gh === undefined
        ? null
        : (Object.values(deps.store.authorizers.data.byAppid).find((a) => a.userName === gh)?.appid ?? null);
    const fields = push as unknown as Record<string, unknown>;
    const appid =
      applied.appid ??
      (typeof fields['authorizerAppid'] === 'string' ? fields['authorizerAppid'] : null) ??
      byGh(typeof fields['toUserName'] === 'string' ? fields['toUserName'] : undefined);
    if (appid === null || deps.store.authorizers.data.byAppid[appid] === undefined) {
      deps.logger.info('readiness push for an unknown mini-program', { kind: push.kind });
      return;
    }
    deps.tasks.run('readiness refresh after a push failed', () => deps.readiness.refresh(appid).then(() => undefined));
  });
}
