import { randomDigits, randomHex } from '../ids.js';
import type {
  AppCategory,
  Category,
  CategoryRef,
  CodeState,
  DomainLists,
  Merchant,
  MiniProgram,
  PrivacyInterfaceStatus,
} from './types.js';

export function emptyDomains(): DomainLists {
  return { requestdomain: [], wsrequestdomain: [], uploaddomain: [], downloaddomain: [], udpdomain: [], tcpdomain: [] };
}

export const DEFAULT_CATEGORY: Category = {
  first_class: '工具',
  second_class: '效率',
  third_class: '',
  first_id: 287,
  second_id: 612,
  third_id: 0,
};

/**
 * A mini program as seeded (control API, demo). Everything left out is "ready": name, avatar and introduction set,
 * the categories approved and matching the service, ICP filed. The options make an app not ready on purpose.
 */
export interface MiniProgramSeed {
  appid?: string;
  nickName: string;
  /** The introduction; '' = not set (86002). */
  signature?: string;
  /** false = no avatar (86002). */
  headImage?: boolean;
  /** Approved categories (default 工具-效率); [] = none (85008). */
  categories?: (Category & { audit_status?: 1 | 2 | 3; audit_reason?: string })[];
  /** What the app's pages really are; default its first category. */
  serviceCategory?: CategoryRef;
  /** get_icp_entrance_info status to start from: 6 filed (default), 1024 not filed, 2–5 in review. */
  icpStatus?: number;
  /** Domains the merchant configured in the mp console before authorizing (05 E26). */
  mpDomains?: Partial<DomainLists>;
  mpWebviewDomains?: string[];
  /** Privacy-interface statuses by api name, e.g. `{ 'wx.getLocation': 5 }` (05 E24); default 1 for all. */
  privacyInterfaces?: Record<string, PrivacyInterfaceStatus>;
  /** 0 personal, 1 enterprise (default), 2 media, 3 government, 4 other organisation. */
  principalType?: number;
  /** Registration country code; anything but 156 (China) is an overseas entity. */
  registeredCountry?: number;
  serviceType?: number;
  verifyType?: number;
  registerType?: number;
}

export interface MerchantSeed {
  name: string;
  principalName?: string;
  adminWechat?: string;
  apps: MiniProgramSeed[];
}

export function newCodeState(): CodeState {
  return {
    experience: null,
    audits: [],
    online: null,
    onlineIsRevert: false,
    history: [],
    nextAppVersion: 1,
    gray: null,
    visitStatus: 1,
    undo: { day: '', dayCount: 0, month: '', monthCount: 0 },
    testers: new Map(),
    domains: { mp: emptyDomains(), third: emptyDomains(), direct: emptyDomains() },
    webview: { mp: [], third: [], direct: [] },
    webviewConfirmFile: { file_name: `${randomHex(10)}.txt`, file_content: randomHex(32) },
    domainChanges: { month: '', count: 0 },
    privacyDev: null,
    privacyLive: null,
    privacyExtFiles: new Set(),
    supportVersion: '2.25.3',
  };
}

/** A seeded status; one that implies an application (3, 4, 5) carries an audit id. */
function interfaceState(status: PrivacyInterfaceStatus) {
  const applied = status >= 3;
  return { status, audit_id: applied ? Number(randomDigits(8)) : 0, apply_time: 0, fail_reason: '', timer: null };
}

function appCategory(category: Category & { audit_status?: 1 | 2 | 3; audit_reason?: string }): AppCategory {
  return {
    ...category,
    audit_status: category.audit_status ?? 3,
    audit_reason: category.audit_reason ?? '',
    certicates: [],
    reviewTimer: null,
  };
}

export function appFromSeed(
  seed: MiniProgramSeed,
  ids: { appid: string; userName: string; merchant: Merchant },
): MiniProgram {
  const categories = (seed.categories ?? [DEFAULT_CATEGORY]).map(appCategory);
  const first = categories[0];
  const code = newCodeState();
  Object.assign(code.domains.mp, seed.mpDomains ?? {});
  code.webview.mp = [...(seed.mpWebviewDomains ?? [])];
  return {
    appid: ids.appid,
    userName: ids.userName,
    merchantId: ids.merchant.id,
    nickName: seed.nickName,
    signature: seed.signature ?? `${seed.nickName}的官方小程序`,
    principalName: ids.merchant.principalName,
    basic: {
      headImage: seed.headImage === false ? '' : `/mmopen/${ids.appid}/0`,
      headImageData: null,
      headImageChanges: { period: '', count: 0 },
      signatureChanges: { period: '', count: 0 },
      nicknameChanges: 0,
      principalType: seed.principalType ?? 1,
      registeredCountry: seed.registeredCountry ?? 156,
    },
    categories,
    categoryChanges: { period: '', count: 0 },
    serviceCategory:
      seed.serviceCategory ?? (first === undefined ? null : { first_id: first.first_id, second_id: first.second_id }),
    privacyInterfaces: new Map(
      Object.entries(seed.privacyInterfaces ?? {}).map(([api, status]) => [api, interfaceState(status)]),
    ),
    icp: {
      phase: seed.icpStatus ?? 6,
      is_canceling: false,
      audit_data: [],
      verifyTasks: new Map(),
      order: null,
      timer: null,
    },
    serviceType: seed.serviceType ?? 0,
    verifyType: seed.verifyType ?? 0,
    registerType: seed.registerType ?? 0,
    authorization: null,
    options: { location_report: '0', voice_recognize: '0', customer_service: '0' },
    code,
    nicknameAudits: new Map(),
  };
}

/** Changes an existing app as the merchant would on mp.weixin.qq.com (control API `/app/update`). */
export function updateApp(app: MiniProgram, patch: Partial<MiniProgramSeed>): void {
  if (patch.nickName !== undefined) app.nickName = patch.nickName;
  if (patch.signature !== undefined) app.signature = patch.signature;
  if (patch.headImage !== undefined) {
    app.basic.headImage = patch.headImage ? `/mmopen/${app.appid}/0` : '';
    app.basic.headImageData = null;
  }
  if (patch.categories !== undefined) app.categories = patch.categories.map(appCategory);
  if (patch.serviceCategory !== undefined) app.serviceCategory = patch.serviceCategory;
  if (patch.icpStatus !== undefined) app.icp.phase = patch.icpStatus;
  if (patch.mpDomains !== undefined) app.code.domains.mp = { ...emptyDomains(), ...patch.mpDomains };
  if (patch.mpWebviewDomains !== undefined) app.code.webview.mp = [...patch.mpWebviewDomains];
  if (patch.principalType !== undefined) app.basic.principalType = patch.principalType;
  if (patch.registeredCountry !== undefined) app.basic.registeredCountry = patch.registeredCountry;
  for (const [api, status] of Object.entries(patch.privacyInterfaces ?? {}))
    app.privacyInterfaces.set(api, interfaceState(status));
}
