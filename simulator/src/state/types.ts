/** The simulator's state model (05 E23, 04, 01). Times are unix seconds of the simulated clock. */

export interface Category {
  first_class: string;
  second_class: string;
  third_class: string;
  first_id: number;
  second_id: number;
  third_id: number;
}

/** A category set on the account (08 H6): approved ones are usable in submit_audit (05 E3). */
export interface AppCategory extends Category {
  /** 1 under review, 2 rejected, 3 approved. */
  audit_status: 1 | 2 | 3;
  audit_reason: string;
  certicates: { key: string; value: string }[];
  reviewTimer: number | null;
}

/** First- and second-level ids of a category. */
export interface CategoryRef {
  first_id: number;
  second_id: number;
}

export interface Experience {
  template_id: number;
  ext_json: string;
  user_version: string;
  user_desc: string;
  commit_time: number;
  privacyScanReadyAt: number;
  pages: string[];
  /** Privacy APIs (`wx.` names) the code uses that requiredPrivateInfos can declare (05 E19, E24). */
  privateApis: string[];
  /** Those of them the commit's ext_json does not declare: `without_conf_list`. */
  withoutConf: string[];
  /** Privacy keys the code touches (getprivacysetting `privacy_list`). */
  privacyKeys: string[];
}

export type AuditStatus = 0 | 1 | 2 | 3 | 4;

export interface Audit {
  auditid: number;
  status: AuditStatus;
  reason: string;
  screenshot: string;
  submit_audit_time: number;
  user_version: string;
  user_desc: string;
  experience: Experience;
  /** What the reviewer sees: the development privacy guide and the categories as submitted (05 E22, 08 H6). */
  guide: PrivacySetting | null;
  categories: CategoryRef[];
  /** The submission's first item as sent (page, title, tags), for tests and people to see. */
  item: { address?: string; title?: string; tag?: string } | null;
  /** feedback_info, kept only when the previous audit was rejected (05 E5: honoured only then). */
  feedbackInfo: string | null;
  released: boolean;
  spedUp: boolean;
  timer: number | null;
}

export interface ReleasedVersion {
  app_version: number;
  user_version: string;
  user_desc: string;
  commit_time: number;
  release_time: number;
}

export interface GrayPlan {
  status: 0 | 1 | 2 | 3 | 4;
  create_timestamp: number;
  gray_percentage: number;
  support_experiencer_first: boolean;
  support_debuger_first: boolean;
  auditid: number;
}

export type DomainKind =
  'requestdomain' | 'wsrequestdomain' | 'uploaddomain' | 'downloaddomain' | 'udpdomain' | 'tcpdomain';
export type DomainLists = Record<DomainKind, string[]>;

/** Domains kept per source (05 E26): set in the mp console, by the platform (modify_domain), directly (_directly). */
export interface DomainSources<T> {
  mp: T;
  third: T;
  direct: T;
}

export interface OwnerSetting {
  contact_phone: string;
  contact_email: string;
  contact_qq: string;
  contact_weixin: string;
  ext_file_media_id: string;
  notice_method: string;
  store_expire_timestamp: string;
  store_region: number;
}

export interface PrivacySetting {
  owner_setting: OwnerSetting;
  setting_list: { privacy_key: string; privacy_text: string; privacy_label: string }[];
  sdk_privacy_info_list: unknown[];
  update_time: number;
}

export interface CodeState {
  experience: Experience | null;
  audits: Audit[];
  online: ReleasedVersion | null;
  /** The online version came from a rollback: it cannot be rolled back again (05 E10). */
  onlineIsRevert: boolean;
  history: ReleasedVersion[];
  nextAppVersion: number;
  gray: GrayPlan | null;
  visitStatus: 0 | 1;
  undo: { day: string; dayCount: number; month: string; monthCount: number };
  testers: Map<string, string>;
  domains: DomainSources<DomainLists>;
  webview: DomainSources<string[]>;
  /** The verification file setwebviewdomain_directly's sites must serve (05 E17). */
  webviewConfirmFile: { file_name: string; file_content: string };
  domainChanges: { month: string; count: number };
  privacyDev: PrivacySetting | null;
  privacyLive: PrivacySetting | null;
  /** Files uploaded with uploadprivacyextfile (05 E25), usable as ext_file_media_id. */
  privacyExtFiles: Set<string>;
  supportVersion: string;
}

/** 1 open for application, 2 no permission, 3 under review, 4 failed, 5 granted (05 E24). */
export type PrivacyInterfaceStatus = 1 | 2 | 3 | 4 | 5;

export interface PrivacyInterfaceState {
  status: PrivacyInterfaceStatus;
  audit_id: number;
  apply_time: number;
  fail_reason: string;
  timer: number | null;
}

/** A period's change count (avatar, introduction, categories). */
export interface ChangeCount {
  period: string;
  count: number;
}

/** Name, avatar, introduction and their change counters (08 H1–H4). */
export interface BasicInfo {
  /** Path of the avatar on the simulator (`/mmopen/<appid>/<n>`), '' when none is set. */
  headImage: string;
  /** The image set with modifyheadimage; the seeded avatar (n = 0) is generated. */
  headImageData: { contentType: string; data: Buffer } | null;
  headImageChanges: ChangeCount;
  signatureChanges: ChangeCount;
  /** Renames used; 2 are allowed before the first release (05 E21). */
  nicknameChanges: number;
  /** 0 personal, 1 enterprise, 2 media, 3 government, 4 other organisation. */
  principalType: number;
  registeredCountry: number;
}

/** ICP filing (08 H7). `phase` ≥ 1024 means not filed: the reported status adds what is missing. */
export interface IcpState {
  phase: number;
  is_canceling: boolean;
  audit_data: { key_name: string; error: string; suggest: string }[];
  verifyTasks: Map<string, { face_status: 0 | 1 | 2 | 3; expiresAt: number; timer: number | null }>;
  /** The last accepted application, shown masked by get_online_icp_order once filed. */
  order: { icp_subject: Record<string, unknown>; icp_applets: Record<string, unknown> } | null;
  timer: number | null;
}

export interface Authorization {
  funcIds: number[];
  refreshToken: string;
  authTime: number;
  /** Whether the authorization code of this grant was exchanged; the list hides the token until then. */
  exchanged: boolean;
}

export interface MiniProgram {
  appid: string;
  userName: string;
  merchantId: string;
  nickName: string;
  signature: string;
  principalName: string;
  basic: BasicInfo;
  categories: AppCategory[];
  categoryChanges: ChangeCount;
  /** What the mini program really offers: an audit naming other categories is rejected (08 H6). */
  serviceCategory: CategoryRef | null;
  privacyInterfaces: Map<string, PrivacyInterfaceState>;
  icp: IcpState;
  serviceType: number;
  verifyType: number;
  registerType: number;
  authorization: Authorization | null;
  options: Record<string, string>;
  code: CodeState;
  nicknameAudits: Map<number, NicknameAudit>;
}

/** A name under review (05 E21): `audit_stat` 1 auditing, 2 rejected, 3 approved. */
export interface NicknameAudit {
  nickname: string;
  audit_stat: 1 | 2 | 3;
  create_time: number;
  audit_time: number;
  fail_reason: string;
  /** Proof material was sent (id_card, license, naming_other_stuff_N). */
  material: boolean;
  timer: number | null;
}

export interface Merchant {
  id: string;
  name: string;
  principalName: string;
  adminWechat: string;
  apps: string[];
}

export interface Draft {
  draft_id: number;
  create_time: number;
  user_version: string;
  user_desc: string;
  source_miniprogram_appid: string;
  source_miniprogram: string;
  developer: string;
  pages: string[];
  privacyApis: string[];
}

export interface Template extends Draft {
  template_id: number;
  template_type: 0 | 1;
}
