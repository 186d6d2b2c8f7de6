import { coded } from '../../../contract/codes.js';
import type { StepEnv } from './step-env.js';
import { LocalStepError } from './item-error.js';

/**
 * Turns 61040 on submit into what WeChat means by it (05 E5, E19, E24): the code uses privacy interfaces that are not
 * declared in ext_json `requiredPrivateInfos` or not granted to this mini-program. The privacy guide is not part of
 * it: a guide problem ends in a rejected audit.
 */
export async function privacyInterfacesError(env: StepEnv, appid: string): Promise<LocalStepError> {
  let undeclared: string[] = [];
  let ungranted: string[] = [];
  try {
    const info = await env.call('getCodePrivacyInfo', () => env.api.getCodePrivacyInfo(appid));
    undeclared = info.without_conf_list ?? [];
    ungranted = info.without_auth_list ?? [];
  } catch (err) {
    env.logger.warn('get_code_privacy_info failed while explaining 61040', { appid, error: err });
  }
  return new LocalStepError(
    coded(
      'privacy_interfaces_refused',
      { appid, undeclared: undeclared.join(', ') || '-', ungranted: ungranted.join(', ') || '-' },
      61040,
    ),
  );
}
