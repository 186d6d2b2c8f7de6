import type { DomainProfile } from '../../contract/readiness.js';
import type { Logger } from '../platform/log/logger.js';
import type { WeChatApi } from '../wechat/client/wechat-api.js';
import { WeChatError } from '../wechat/client/wechat-error.js';
import type { ReadinessFacts } from './readiness-facts.js';

export type ReadinessApi = Pick<
  WeChatApi,
  | 'getAccountBasicInfo'
  | 'getSettingCategories'
  | 'getPrivacySetting'
  | 'getPrivacyInterface'
  | 'getCodePrivacyInfo'
  | 'getEffectiveDomain'
  | 'getEffectiveWebviewDomain'
  | 'getIcpEntranceInfo'
  | 'memberAuth'
>;

const errcodeOf = (error: unknown): number | null => (error instanceof WeChatError ? error.errcode : null);

/**
 * Reads everything WeChat checks before audit and release, the calls at once. A call that fails leaves its part
 * null (the item shows as not read) and is logged; the rest is still evaluated.
 */
export async function readFacts(
  deps: { api: ReadinessApi; logger: Logger },
  appid: string,
  known: { funcInfo: number[]; profile: DomainProfile; requiredCategory: string | null },
): Promise<ReadinessFacts> {
  const { api, logger } = deps;
  const orNull = async <T>(what: string, call: () => Promise<T>): Promise<T | null> => {
    try {
      return await call();
    } catch (error) {
      logger.warn('readiness fact not read from WeChat', { what, appid, error });
      return null;
    }
  };
  const [basic, categories, guide, interfaces, domains, webview, icp, testers] = await Promise.all([
    orNull('basic info', () => api.getAccountBasicInfo(appid)),
    orNull('categories', () => api.getSettingCategories(appid)),
    orNull('privacy guide', () => api.getPrivacySetting(appid, { privacy_ver: 2 })),
    orNull('privacy interfaces', () => api.getPrivacyInterface(appid)),
    orNull('effective domains', () => api.getEffectiveDomain(appid)),
    orNull('effective web-view domains', () => api.getEffectiveWebviewDomain(appid)),
    orNull('ICP filing', () => api.getIcpEntranceInfo(appid)),
    orNull('testers', async () =>
      ((await api.memberAuth(appid, { action: 'get_experiencer' })).members ?? []).map((m) => m.userstr),
    ),
  ]);
  return {
    ...known,
    basic,
    categories,
    guide,
    interfaces,
    codePrivacy: guide?.code_exist === 0 ? 'none' : await codePrivacy(api, appid, logger),
    domains,
    webview,
    icp,
    testers,
  };
}

async function codePrivacy(api: ReadinessApi, appid: string, logger: Logger): Promise<ReadinessFacts['codePrivacy']> {
  try {
    return await api.getCodePrivacyInfo(appid);
  } catch (error) {
    if (errcodeOf(error) === 61039) return 'scanning';
    if (errcodeOf(error) === 86001) return 'none';
    logger.warn('readiness fact not read from WeChat', { what: 'code privacy info', appid, error });
    return null;
  }
}
