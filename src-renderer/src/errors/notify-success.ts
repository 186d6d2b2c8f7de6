import { ElMessage } from 'element-plus';
import { i18n } from '@renderer/i18n';

/** The one success presenter: a short message at the top centre, where it covers neither the header nor a drawer. */
export function notifySuccess(key: string, params: Record<string, unknown> = {}): void {
  ElMessage({ type: 'success', message: i18n.global.t(key, params), grouping: true });
}
