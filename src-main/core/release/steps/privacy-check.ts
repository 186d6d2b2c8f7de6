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
  const parts = [
    ...(undeclared.length > 0 ? [`not declared in requiredPrivateInfos: ${undeclared.join(', ')}`] : []),
    ...(ungranted.length > 0 ? [`not granted: ${ungranted.join(', ')}`] : []),
  ];
  const what = parts.length > 0 ? parts.join('; ') : 'WeChat did not say which';
  return new LocalStepError(
    `61040: the code uses privacy interfaces without declaration or permission (${what}).`,
    'Declare them in the ext_json requiredPrivateInfos and apply for them (apply_privacy_interface), or pass ' +
      'privacy_api_not_use if the code never calls them; then retry the failed items.',
    61040,
  );
}
