import { coded } from '../../../contract/codes.js';
import { WeChatError } from '../../wechat/client/wechat-error.js';
import { LocalStepError } from './item-error.js';
import type { ItemPatch, StepEnv, StepInput } from './step-env.js';

/** committed/scanning → submitting once WeChat's privacy-API scan of the new code is done (61039 until then). */
export async function scanStep(env: StepEnv, input: StepInput): Promise<ItemPatch> {
  const now = env.clock.now();
  let info;
  try {
    info = await env.call('getCodePrivacyInfo', () => env.api.getCodePrivacyInfo(input.item.appid));
  } catch (err) {
    if (err instanceof WeChatError && err.errcode === 61039) {
      return { state: 'scanning', nextAt: now + env.settings.scanPollMs };
    }
    throw err;
  }
  const withoutAuth = info.without_auth_list ?? [];
  if (withoutAuth.length > 0) {
    throw new LocalStepError(coded('privacy_interfaces_missing', { apis: withoutAuth.join(', ') }, 61040));
  }
  return { state: 'submitting', nextAt: now };
}
