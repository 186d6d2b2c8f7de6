import type {
  GetPrivacySettingResponse,
  ModifyDomainRequest,
  ModifyDomainResponse,
  SetPrivacySettingRequest,
  SetWebviewDomainRequest,
  SetWebviewDomainResponse,
} from '@wxfleet/protocol';
import type { WeChatApi } from '../wechat/client/wechat-api.js';

export type AppSettingsApi = Pick<
  WeChatApi,
  | 'modifyDomain'
  | 'setWebviewDomain'
  | 'bindTester'
  | 'unbindTester'
  | 'memberAuth'
  | 'getPrivacySetting'
  | 'setPrivacySetting'
>;

/** Thin calls for server domains, web-view domains, testers and the privacy guide of one mini-program. */
export function appSettings(api: AppSettingsApi) {
  return {
    domains: (appid: string, req: ModifyDomainRequest): Promise<ModifyDomainResponse> => api.modifyDomain(appid, req),
    webviewDomains: (appid: string, req: SetWebviewDomainRequest): Promise<SetWebviewDomainResponse> =>
      api.setWebviewDomain(appid, req),
    bindTester: async (appid: string, wechatid: string): Promise<string> =>
      (await api.bindTester(appid, { wechatid })).userstr,
    unbindTester: async (appid: string, who: { wechatid: string } | { userstr: string }): Promise<void> => {
      await api.unbindTester(appid, who);
    },
    testers: async (appid: string): Promise<string[]> =>
      ((await api.memberAuth(appid, { action: 'get_experiencer' })).members ?? []).map((m) => m.userstr),
    privacy: (appid: string, version: 1 | 2 = 2): Promise<GetPrivacySettingResponse> =>
      api.getPrivacySetting(appid, { privacy_ver: version }),
    setPrivacy: async (appid: string, req: SetPrivacySettingRequest): Promise<void> => {
      await api.setPrivacySetting(appid, req);
    },
  };
}

export type AppSettings = ReturnType<typeof appSettings>;
