import { Notification } from 'electron';
import type { EventMap } from '@contract/ipc';

const TITLES: Record<string, string> = {
  audit_passed: '审核通过 / Audit passed',
  audit_rejected: '审核被驳回 / Audit rejected',
  job_finished: '任务完成 / Job finished',
  needs_reauth: '需要重新授权 / Re-authorization needed',
  job_paused: '任务已暂停 / Job paused',
};

/**
 * Desktop notifications for what a person should see even when the window is in the background. Main has no i18n:
 * the title is bilingual, the body only the notice's values (name, version, appid).
 */
export function notify(notice: EventMap['app:notice']): void {
  if (!Notification.isSupported()) return;
  new Notification({
    title: TITLES[notice.kind] ?? 'wxfleet',
    body: Object.values(notice.message.params ?? {}).join(' · '),
    silent: false,
  }).show();
}
