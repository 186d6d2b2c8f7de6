import { coded } from '../../../contract/codes.js';
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
  return new LocalStepError(coded('privacy_guide_mismatch', { appid, missing: missing.join(', ') }, 61040));
}
