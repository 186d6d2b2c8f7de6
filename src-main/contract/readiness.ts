/** Merchant readiness: what WeChat checks before audit and release, per mini-program, and the console's fixes. */

/** One thing WeChat checks, in the order a person fixes them. */
export type ReadinessKey =
  'permission' | 'basic_info' | 'category' | 'privacy_guide' | 'privacy_interfaces' | 'domains' | 'icp' | 'testers';

export const READINESS_KEYS: readonly ReadinessKey[] = [
  'permission',
  'basic_info',
  'category',
  'privacy_guide',
  'privacy_interfaces',
  'domains',
  'icp',
  'testers',
];

/** `unknown`: WeChat did not answer when it was last read. */
export type ReadinessState = 'ready' | 'missing' | 'pending' | 'blocked' | 'unknown';

/** What the console can do about an item; `null` when only the merchant or WeChat can. */
export type FixAction =
  | 'apply_privacy_guide'
  | 'apply_privacy_interfaces'
  | 'apply_domains'
  | 'add_category'
  | 'set_basic_info'
  | 'start_icp'
  | 'reauthorize'
  | 'bind_tester';

export interface ReadinessItem {
  key: ReadinessKey;
  state: ReadinessState;
  /** An i18n code (`readiness.reason.<code>`) with its parameters; null when ready. */
  reason: string | null;
  params: Record<string, string>;
  fix: FixAction | null;
  /** Submitting now would spend audit quota on a failure (errcode or rejection). */
  blocksAudit: boolean;
  /** The release would fail or break the mini-program (ICP, domains deleted at release). */
  blocksRelease: boolean;
}

export interface ReadinessView {
  appid: string;
  nickname: string;
  checkedAt: string | null;
  items: ReadinessItem[];
  /** Keys that hold a deploy with release (audit or release blockers). */
  notReady: ReadinessKey[];
  pending: ReadinessKey[];
}

/** What the fleet list shows in its readiness column. */
export interface ReadinessSummary {
  checkedAt: string | null;
  notReady: ReadinessKey[];
  pending: ReadinessKey[];
}

/** One purpose of the privacy guide; `{{nickname}}` is replaced per mini-program. */
export interface GuidePurpose {
  privacyKey: string;
  text: string;
}

/** The owner part of the guide; per-merchant values override the template's. */
export interface GuideOwner {
  contactPhone: string;
  contactEmail: string;
  contactWeixin: string;
  /** How users are told (e.g. 弹窗). */
  noticeMethod: string;
  /** Storage period, as WeChat's `store_expire_timestamp` text; '' for "as long as the service runs". */
  storePeriod: string;
  /** 0 when not set; WeChat's region code for an overseas entity's data storage. */
  storeRegion: number;
}

export interface GuideTemplate {
  purposes: GuidePurpose[];
  owner: GuideOwner;
}

/** Server and web-view domains the agency's templates need, applied to every mini-program before release. */
export interface DomainProfile {
  requestdomain: string[];
  wsrequestdomain: string[];
  uploaddomain: string[];
  downloaddomain: string[];
  webviewdomain: string[];
}

export interface ReadinessProfile {
  guide: GuideTemplate;
  /** Per-appid owner values that differ from the template's (contact, notice method, storage period, region). */
  merchantOwners: Record<string, Partial<GuideOwner>>;
  domains: DomainProfile;
  /** Reason sent with apply_privacy_interface, per API name (`wx.getLocation`); `{{nickname}}` allowed. */
  interfaceReasons: Record<string, string>;
}

export type FixRequest =
  | { action: 'apply_privacy_guide'; appids: string[] }
  | { action: 'apply_privacy_interfaces'; appids: string[] }
  | { action: 'apply_domains'; appids: string[] }
  /** Without ids: the category the last audit rejection named. */
  | { action: 'add_category'; appids: string[]; first?: number; second?: number }
  /** `avatar`: a PNG/JPEG `data:` URL of at most 2 MB, used whole (modifyheadimage crop 0,0–1,1). */
  | { action: 'set_basic_info'; appids: string[]; signature?: string; nickname?: string; avatar?: string }
  | { action: 'bind_tester'; appids: string[]; wechatid: string }
  | { action: 'unbind_tester'; appids: string[]; userstr: string };

export interface FixResult {
  appid: string;
  ok: boolean;
  /** An i18n code (`readiness.fix.<code>`) and its parameters: what was done, or why not and what to do. */
  code: string;
  params: Record<string, string>;
  readiness: ReadinessView;
}

export interface CategoryOption {
  first: number;
  firstName: string;
  second: number;
  secondName: string;
  /** Needs qualification documents (the console cannot add those). */
  needsQualification: boolean;
}

/** What the deploy dialog and batch jobs show before spending quota. */
export interface PreflightView {
  ready: string[];
  held: { appid: string; nickname: string; keys: ReadinessKey[]; items: ReadinessItem[] }[];
}

export interface HeldOutView {
  appid: string;
  nickname: string;
  keys: ReadinessKey[];
}

export interface IcpStatusView {
  appid: string;
  /** get_icp_entrance_info `info.status`. */
  status: number | null;
  filed: boolean;
  /** 1024 + bits: what WeChat says is missing before a filing can start. */
  missing: ('basic_info' | 'category' | 'not_verified')[];
  /** Where the merchant starts or follows the filing (the MP console). */
  startUrl: string;
}

/** A new merchant's mini-program through fast registration (06 F7 enterprise, F8 personal; new versions). */
export type RegistrationInput =
  | { kind: 'enterprise'; name: string; code: string; phone?: string }
  | { kind: 'personal'; wxuser: string; phone?: string };

export interface RegistrationView {
  taskid: string;
  kind: 'enterprise' | 'personal';
  /** The enterprise name or the person's WeChat ID. */
  label: string;
  /** WeChat's task status (06 F7/F8 enums); `readiness.registration.status.<kind>.<n>` says it in words. */
  status: number;
  done: boolean;
  /** The mini-program exists (it then appears in the list, authorized). */
  created: boolean;
  /** Where the person (legal person, or the WeChat user) agrees and verifies, for 24 h. */
  authorizeUrl: string;
  authorizeQr: string;
  createdAt: string;
}
