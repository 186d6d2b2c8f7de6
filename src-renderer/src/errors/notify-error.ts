import { ElNotification } from 'element-plus';
import type { ContractError } from '@contract/result';
import { ApiError } from '@renderer/api/bridge';
import { i18n } from '@renderer/i18n';

/** Must match MESSAGE_LANGUAGE_SEPARATOR in src-main/contract/dispatch.ts. */
const SEPARATOR = ' ‖ ';

/** Turns a contract error into a title (what kind of problem) and advice (what to do), in the UI language. */
export function describeError(error: ContractError): { title: string; advice: string; detail: string } {
  const { t, locale } = i18n.global;
  const title =
    error.code === 'wechat_error' && error.errcode !== undefined
      ? t('errors.wechatTitle', { errcode: error.errcode })
      : t(`errors.${error.code}.title`);
  const parts = error.message.split(SEPARATOR);
  const detail = parts.length === 2 ? (locale.value === 'en' ? parts[1]! : parts[0]!) : error.message;
  return { title, advice: t(`errors.${error.code}.advice`), detail };
}

/** The one error presenter: every failed call in every page ends here. */
export function notifyError(error: unknown): void {
  const contractError: ContractError =
    error instanceof ApiError
      ? error.error
      : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
  const { title, advice, detail } = describeError(contractError);
  // Bottom left, like every notice: the header's switches (top right) and drawers (right) stay visible.
  ElNotification({
    type: 'error',
    title,
    message: `${detail}\n${advice}`,
    duration: 8000,
    customClass: 'wx-error',
    position: 'bottom-left',
  });
}
