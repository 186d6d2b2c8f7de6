import { ElMessage } from 'element-plus';
import type { FixResult, ReadinessItem, ReadinessKey, ReadinessSummary } from '@contract/readiness';
import { i18n } from '@renderer/i18n';

/** The sentence for one readiness item, in the UI language. */
export function reasonText(item: ReadinessItem): string {
  if (item.reason === null) return '';
  const params = { ...item.params };
  if (params['missing'] !== undefined) {
    params['missing'] = params['missing']
      .split(',')
      .map((m) => i18n.global.t(`readiness.missingPart.${m}`))
      .join(i18n.global.locale.value === 'en' ? ', ' : '、');
  }
  return i18n.global.t(`readiness.reason.${item.reason}`, params);
}

export function fixText(result: FixResult): string {
  return i18n.global.t(`readiness.fix.${result.code}`, result.params);
}

/** One message for a batch of fix results: each line says what was done or what to do. */
export function showFixResults(results: FixResult[]): void {
  const failed = results.filter((r) => !r.ok);
  const lines = results.map((r) => `${r.readiness.nickname}: ${fixText(r)}`);
  const summary = i18n.global.t('readiness.panel.fixed', { ok: results.length - failed.length, failed: failed.length });
  ElMessage({
    type: failed.length === 0 ? 'success' : 'warning',
    message: [summary, ...lines].join('\n'),
    duration: failed.length === 0 ? 4000 : 10000,
    showClose: true,
    customClass: 'wx-pre-message',
  });
}

/** The readiness column's tag: ready, not ready (first item and how many more), in review, or not checked. */
export function summaryTag(summary: ReadinessSummary | null | undefined): { type: string; text: string } {
  const { t } = i18n.global;
  if (!summary) return { type: 'info', text: t('readiness.notChecked') };
  const name = (k: ReadinessKey): string => t(`readiness.keys.${k}`);
  const more = (keys: ReadinessKey[]): string =>
    keys.length > 1 ? ` ${t('readiness.more', { n: keys.length - 1 })}` : '';
  const blocking = summary.notReady.filter((k) => !summary.pending.includes(k));
  if (blocking.length > 0)
    return { type: 'danger', text: t('readiness.notReady', { what: name(blocking[0]!) }) + more(blocking) };
  if (summary.pending.length > 0)
    return {
      type: 'warning',
      text: t('readiness.pendingTag', { what: name(summary.pending[0]!) }) + more(summary.pending),
    };
  return { type: 'success', text: t('readiness.ready') };
}
