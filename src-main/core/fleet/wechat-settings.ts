import type { GetPrivacySettingResponse } from '@wxfleet/protocol';
import type { Logger } from '../platform/log/logger.js';
import type { AppSettingsApi } from './app-settings.js';
import { appSettings } from './app-settings.js';
import type { WeChatSettings, WeChatSettingsReader } from './fleet-sources.js';

/**
 * Complete when an owner contact and a notice method are set and every privacy key the committed code uses has a
 * declared purpose (05 E22); with no code committed yet, the owner setting alone decides.
 */
export function privacyComplete(guide: GetPrivacySettingResponse): boolean {
  const owner = guide.owner_setting;
  const contact = [owner?.contact_phone, owner?.contact_email, owner?.contact_qq, owner?.contact_weixin].some(Boolean);
  const declared = new Set((guide.setting_list ?? []).map((s) => s.privacy_key));
  return contact && Boolean(owner?.notice_method) && (guide.privacy_list ?? []).every((key) => declared.has(key));
}

/**
 * Asks WeChat for the drawer's settings, four calls at once. A call that fails (permission set missing, network)
 * leaves its part empty and is logged; the rest is still shown.
 */
export function wechatSettingsReader(api: AppSettingsApi, logger: Logger): WeChatSettingsReader {
  const calls = appSettings(api);
  const orEmpty = async <T>(what: string, appid: string, call: Promise<T>, empty: T): Promise<T> => {
    try {
      return await call;
    } catch (error) {
      logger.warn('mini-program setting not read from WeChat', { what, appid, error });
      return empty;
    }
  };
  return async (appid): Promise<WeChatSettings> => {
    const [domains, webview, testers, guide] = await Promise.all([
      orEmpty('domains', appid, calls.domains(appid, { action: 'get' }), null),
      orEmpty('webview domains', appid, calls.webviewDomains(appid, { action: 'get' }), null),
      orEmpty('testers', appid, calls.testers(appid), []),
      orEmpty('privacy guide', appid, calls.privacy(appid), null),
    ]);
    return {
      domains: {
        requestdomain: domains?.requestdomain ?? [],
        wsrequestdomain: domains?.wsrequestdomain ?? [],
        uploaddomain: domains?.uploaddomain ?? [],
        downloaddomain: domains?.downloaddomain ?? [],
      },
      webviewDomains: webview?.webviewdomain ?? [],
      testers,
      privacyComplete: guide !== null && privacyComplete(guide),
    };
  };
}
