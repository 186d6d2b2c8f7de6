import type { StepEnv } from './step-env.js';
import { LocalStepError } from './item-error.js';

/** Turns 61040 on submit into what is missing from the privacy guide and how to fix it (05 E22). */
export async function privacyNotSetError(env: StepEnv, appid: string): Promise<LocalStepError> {
  let missing: string[] = [];
  try {
    const setting = await env.call('getPrivacySetting', () => env.api.getPrivacySetting(appid, { privacy_ver: 2 }));
    const covered = new Set((setting.setting_list ?? []).map((s) => s.privacy_key));
    missing = (setting.privacy_list ?? []).filter((k) => !covered.has(k));
  } catch (err) {
    env.logger.warn('getprivacysetting failed while explaining 61040', { appid, error: err });
  }
  const what = missing.length > 0 ? `it does not cover ${missing.join(', ')}` : 'it is missing or incomplete';
  return new LocalStepError(
    `61040: the mini-program's privacy guide does not match its code (${what}).`,
    'Set the privacy guide (setprivacysetting, privacy_ver 2) with a purpose for every privacy key the code uses ' +
      'and an owner contact, or declare unused APIs with privacy_api_not_use; then retry the failed items.',
    61040,
  );
}
