import { Notification } from 'electron';
import type { EventMap } from '@contract/ipc';
import type { Language } from '@contract/settings';

/** Main has no i18n: the few titles of desktop notifications, in both languages. */
const TITLES: Record<string, Record<Language, string>> = {
  audit_passed: { 'zh-CN': '审核通过', en: 'Audit passed' },
  audit_rejected: { 'zh-CN': '审核被驳回', en: 'Audit rejected' },
  job_finished: { 'zh-CN': '任务完成', en: 'Job finished' },
  needs_reauth: { 'zh-CN': '需要重新授权', en: 'Re-authorization needed' },
  job_paused: { 'zh-CN': '任务已暂停', en: 'Job paused' },
};

/**
 * Desktop notifications for what a person should see even when the window is in the background: the title in the
 * user's language, the body only the notice's values (name, version, appid); the window words the rest.
 */
export function notify(notice: EventMap['app:notice'], language: Language): void {
  if (!Notification.isSupported()) return;
  const title = TITLES[notice.kind]?.[language] ?? 'wxfleet';
  new Notification({ title, body: Object.values(notice.message.params ?? {}).join(' · '), silent: false }).show();
}
