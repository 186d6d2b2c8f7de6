import { ElNotification } from 'element-plus';

/** Text of the error notifications `notifyError` has put on screen. */
export const errorNotices = (): string[] =>
  [...document.querySelectorAll('.wx-error')].map((element) => element.textContent ?? '');

export function clearNotices(): void {
  ElNotification.closeAll();
  document.body.innerHTML = '';
}
