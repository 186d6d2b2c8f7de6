import { ElNotification } from 'element-plus';
import type { ContractError } from '@contract/result';
import { ApiError } from '@renderer/api/bridge';
import { describeError } from '@renderer/i18n/say';

export { describeError };

/** The one error presenter: every failed call in every page ends here. */
export function notifyError(error: unknown): void {
  const contractError: ContractError = error instanceof ApiError ? error.error : { code: 'internal' };
  const { title, advice, detail } = describeError(contractError);
  // Bottom left, like every notice: the header's switches (top right) and drawers (right) stay visible.
  ElNotification({
    type: 'error',
    title,
    message: detail ? `${detail}\n${advice}` : advice,
    duration: 8000,
    customClass: 'wx-error',
    position: 'bottom-left',
  });
}
