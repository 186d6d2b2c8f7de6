import type { FixResult, ReadinessProfile } from '@contract/readiness';

/** The agency's privacy-guide template as staff enter it once in the console (Mini-programs → Readiness settings). */
export const GUIDE_PROFILE: ReadinessProfile = {
  guide: {
    purposes: [
      { privacyKey: 'UserInfo', text: '用于登录后展示会员头像和昵称' },
      { privacyKey: 'Location', text: '用于查找离你最近的门店' },
      { privacyKey: 'Address', text: '用于填写配送地址' },
      { privacyKey: 'PhoneNumber', text: '用于预约成功后短信通知' },
    ],
    owner: {
      contactPhone: '',
      contactEmail: 'privacy@agency.example',
      contactWeixin: '',
      noticeMethod: '小程序首页弹窗提示',
      storePeriod: '用户注销账号后 30 天内删除',
      storeRegion: 0,
    },
  },
  merchantOwners: {},
  domains: { requestdomain: [], wsrequestdomain: [], uploaddomain: [], downloaddomain: [], webviewdomain: [] },
  interfaceReasons: {},
};

type Invoke = (channel: string, ...args: unknown[]) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

/** Sets the privacy guides as the platform does it: the console's own channels, never WeChat as the merchant. */
export async function applyGuidesThroughConsole(invoke: Invoke, appids: string[]): Promise<void> {
  const saved = await invoke('readiness:saveProfile', GUIDE_PROFILE);
  if (!saved.ok) throw new Error(`readiness:saveProfile: ${JSON.stringify(saved.error)}`);
  const fixed = await invoke('readiness:fix', { action: 'apply_privacy_guide', appids });
  if (!fixed.ok) throw new Error(`readiness:fix: ${JSON.stringify(fixed.error)}`);
  const failed = (fixed.value as FixResult[]).filter((f) => !f.ok);
  if (failed.length > 0) throw new Error(`guides not set: ${JSON.stringify(failed.map((f) => [f.appid, f.code]))}`);
}
