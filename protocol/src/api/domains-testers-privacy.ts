import type { WxBaseResponse, WxEmptyRequest, WxId, WxOkResponse } from './common.js';

/** `action` of the domain APIs: `set` replaces every list, `get` needs no other field. */
export type DomainAction = 'add' | 'delete' | 'set' | 'get';

// 05 E16 — server domains (modify_domain, modify_domain_directly, get_effective_domain)

/** The six lowercase lists of `https://`, `wss://`, `udp://`, `tcp://` URLs (ports allowed, no IPs). */
export interface ServerDomainLists {
  requestdomain: string[];
  wsrequestdomain: string[];
  uploaddomain: string[];
  downloaddomain: string[];
  udpdomain: string[];
  tcpdomain: string[];
}

/**
 * With `add`/`set` and no lists, WeChat uses the platform's own 小程序服务器域名 (legacy behaviour, UNCONFIRMED).
 * At most 200 domains per type; 50 modifications per month.
 */
export interface ModifyDomainRequest extends Partial<ServerDomainLists> {
  action: DomainAction;
}

export interface ModifyDomainResponse extends WxBaseResponse, ServerDomainLists {
  invalid_requestdomain?: string[];
  invalid_wsrequestdomain?: string[];
  invalid_uploaddomain?: string[];
  invalid_downloaddomain?: string[];
  invalid_udpdomain?: string[];
  invalid_tcpdomain?: string[];
  /** Domains rejected for missing ICP filing. */
  no_icp_domain?: string[];
}

/** Same body as modify_domain, but the domains need not be registered on the platform first. */
export type ModifyDomainDirectlyRequest = ModifyDomainRequest;
export type ModifyDomainDirectlyResponse = ModifyDomainResponse;

export type GetEffectiveDomainRequest = WxEmptyRequest;
/** `mp_domain` set in the mp console, `third_domain` via modify_domain, `direct_domain` via modify_domain_directly. */
export interface GetEffectiveDomainResponse extends WxBaseResponse {
  mp_domain: ServerDomainLists;
  third_domain: ServerDomainLists;
  direct_domain: ServerDomainLists;
  /** What is live after the next commit/release: at release the mp lists may be deleted (05 E26). */
  effective_domain: ServerDomainLists;
}

// 05 E17 — business (web-view) domains

/** Without `action`, every web-view domain configured on the platform is added (legacy behaviour). No ports. */
export interface SetWebviewDomainRequest {
  action?: DomainAction;
  webviewdomain?: string[];
}
export interface SetWebviewDomainResponse extends WxBaseResponse {
  /** Returned for `get`. */
  webviewdomain?: string[];
}

/** Written straight onto the mini program, no platform registration; effective after the next commit or release. */
export type SetWebviewDomainDirectlyRequest = SetWebviewDomainRequest;
export type SetWebviewDomainDirectlyResponse = SetWebviewDomainResponse;

/** The verification file the site must serve for `setwebviewdomain_directly`. */
export type GetWebviewDomainConfirmFileRequest = WxEmptyRequest;
export interface GetWebviewDomainConfirmFileResponse extends WxBaseResponse {
  file_name: string;
  file_content: string;
}

/** Per channel: set in the mp console, via setwebviewdomain, via _directly; `effective_*` is what will be live. */
export type GetEffectiveWebviewDomainRequest = WxEmptyRequest;
export interface GetEffectiveWebviewDomainResponse extends WxBaseResponse {
  mp_webviewdomain: string[];
  third_webviewdomain: string[];
  direct_webviewdomain: string[];
  effective_webviewdomain: string[];
}

// 05 E16/E17 — platform-level domains (component token). Only mentioned in the shared docs; body and response
// field names follow the official openApi page and SDK models.

export interface ModifyWxaServerDomainRequest {
  action: DomainAction;
  /** `;`-separated bare host names (no scheme, no path). */
  wxa_server_domain?: string;
  /** false (default): change only the test version of the platform; true: also the published version. */
  is_modify_published_together?: boolean;
}
export interface ModifyWxaServerDomainResponse extends WxBaseResponse {
  published_wxa_server_domain?: string;
  testing_wxa_server_domain?: string;
}

export interface ModifyWxaJumpDomainRequest {
  action: DomainAction;
  /** `;`-separated bare host names. */
  wxa_jump_h5_domain?: string;
  is_modify_published_together?: boolean;
}
export interface ModifyWxaJumpDomainResponse extends WxBaseResponse {
  published_wxa_jump_h5_domain?: string;
  testing_wxa_jump_h5_domain?: string;
}

// 05 E18 — testers

export interface BindTesterRequest {
  wechatid: string;
}
export interface BindTesterResponse extends WxBaseResponse {
  /** Opaque id; memberauth returns only these, so keep the wechatid ↔ userstr mapping yourself. */
  userstr: string;
}

export type UnbindTesterRequest = { wechatid: string } | { userstr: string };
export type UnbindTesterResponse = WxOkResponse;

export interface MemberAuthRequest {
  action: 'get_experiencer';
}
export interface MemberAuthResponse extends WxBaseResponse {
  members: { userstr: string }[];
}

// 05 E19 — get_code_privacy_info (GET; 61039 while the scan runs)

export type GetCodePrivacyInfoRequest = WxEmptyRequest;
export interface GetCodePrivacyInfoResponse extends WxBaseResponse {
  /** Privacy APIs used without the permission. */
  without_auth_list: string[];
  /** Privacy APIs used but not declared in `requiredPrivateInfos`. */
  without_conf_list: string[];
}

// 05 E21 — mini-program name (set 30). Field spellings from WxJava / silenceper (UNCONFIRMED against the page).

/** Media ids of supporting documents; the doc allows more `naming_other_stuff_N` than WxJava's two. */
export interface SetNicknameRequest {
  nick_name: string;
  id_card?: string;
  license?: string;
  naming_other_stuff_1?: string;
  naming_other_stuff_2?: string;
  naming_other_stuff_3?: string;
  naming_other_stuff_4?: string;
  naming_other_stuff_5?: string;
}
export interface SetNicknameResponse extends WxBaseResponse {
  wording?: string;
  /** Present when manual review is needed; the result is pushed as `wxa_nickname_audit`. */
  audit_id?: number;
}

/** `audit_stat`: 1 auditing, 2 rejected, 3 approved. */
export type NicknameAuditStat = 1 | 2 | 3;

export interface QueryNicknameRequest {
  audit_id: WxId;
}
export interface QueryNicknameResponse extends WxBaseResponse {
  nickname: string;
  audit_stat: NicknameAuditStat;
  fail_reason: string;
  create_time: number;
  audit_time: number;
}

// 05 E22 — privacy guide. Under /cgi-bin/component/ but called with the AUTHORIZER token.

/** `privacy_ver`: 1 the live version's guide, 2 the development version's guide (default). */
export type PrivacyVer = 1 | 2;

/** Known `privacy_key` values; the list grows, so the fields stay `string`. */
export const KNOWN_PRIVACY_KEYS = [
  'UserInfo',
  'Location',
  'Address',
  'Invoice',
  'RunData',
  'Record',
  'Album',
  'Camera',
  'PhoneNumber',
  'Contact',
  'DeviceInfo',
  'EXIDNumber',
  'EXOrderInfo',
  'EXUserPublishContent',
  'EXUserFollowAcct',
  'EXUserOpLog',
  'AlbumWriteOnly',
  'LicensePlate',
  'BlueTooth',
  'CalendarWriteOnly',
  'Email',
  'MessageFile',
] as const;

export type KnownPrivacyKey = (typeof KNOWN_PRIVACY_KEYS)[number];

export interface PrivacySetting {
  privacy_key: string;
  privacy_text: string;
}

/** At least one contact field and `notice_method` are required (86069 / 86070). */
export interface PrivacyOwnerSetting {
  contact_phone?: string;
  contact_email?: string;
  contact_qq?: string;
  contact_weixin?: string;
  /** Custom guide file from `/cgi-bin/component/uploadprivacyextfile`; cannot change on the live version (86075). */
  ext_file_media_id?: string;
  notice_method: string;
  /** Text such as a duration, not a timestamp despite the name. */
  store_expire_timestamp?: string;
  /** Overseas entities; code list UNCONFIRMED. */
  store_region?: number;
}

export interface SdkPrivacyInfo {
  sdk_name: string;
  sdk_biz_name: string;
  sdk_list: PrivacySetting[];
}

/** Send `{}` (not an empty body, 44002) when `privacy_ver` is left out. */
export interface GetPrivacySettingRequest {
  privacy_ver?: PrivacyVer;
}
export interface GetPrivacySettingResponse extends WxBaseResponse {
  /** 0/1: whether code was committed recently. */
  code_exist: 0 | 1;
  /** Privacy keys detected in the code. */
  privacy_list: string[];
  setting_list: (PrivacySetting & { privacy_label: string })[];
  update_time: number;
  owner_setting: Required<PrivacyOwnerSetting>;
  privacy_desc: { privacy_desc_list: { privacy_key: string; privacy_desc: string }[] };
  sdk_privacy_info_list: SdkPrivacyInfo[];
}

/**
 * Version 2 (default) needs `setting_list` covering the keys the code uses; version 1 only allows `owner_setting`.
 * The doc advises `\uXXXX` escapes for Chinese text (necessity UNCONFIRMED).
 */
export interface SetPrivacySettingRequest {
  privacy_ver?: PrivacyVer;
  owner_setting: PrivacyOwnerSetting;
  setting_list?: PrivacySetting[];
  sdk_privacy_info_list?: SdkPrivacyInfo[];
}
export type SetPrivacySettingResponse = WxOkResponse;
