/** The simulator's state model (05 E23, 04, 01). Times are unix seconds of the simulated clock. */

export interface Category {
  first_class: string;
  second_class: string;
  third_class: string;
  first_id: number;
  second_id: number;
  third_id: number;
}

export interface Experience {
  template_id: number;
  ext_json: string;
  user_version: string;
  user_desc: string;
  commit_time: number;
  privacyScanReadyAt: number;
  pages: string[];
  /** Privacy APIs the code uses but ext_json's requiredPrivateInfos does not declare. */
  withoutConf: string[];
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
  domains: DomainLists;
  directDomains: DomainLists;
  webviewDomains: string[];
  domainChanges: { month: string; count: number };
  privacyDev: PrivacySetting | null;
  privacyLive: PrivacySetting | null;
  supportVersion: string;
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
  categories: Category[];
  serviceType: number;
  verifyType: number;
  registerType: number;
  authorization: Authorization | null;
  options: Record<string, string>;
  code: CodeState;
  nicknameAudits: Map<
    number,
    { nickname: string; audit_stat: 1 | 2 | 3; create_time: number; audit_time: number; fail_reason: string }
  >;
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
