import type { WxBaseResponse, WxOkResponse } from './common.js';

// 01 A1b — api_start_push_ticket (no token)

export interface ApiStartPushTicketRequest {
  component_appid: string;
  /** Spelled `component_secret` here, unlike `component_appsecret` in api_component_token. */
  component_secret: string;
}
export type ApiStartPushTicketResponse = WxOkResponse;

// 01 A2 — api_component_token (no token)

export interface ApiComponentTokenRequest {
  component_appid: string;
  component_appsecret: string;
  component_verify_ticket: string;
}
export interface ApiComponentTokenResponse extends WxBaseResponse {
  component_access_token: string;
  expires_in: number;
}

// 01 A3 — api_create_preauthcode

export interface ApiCreatePreauthcodeRequest {
  component_appid: string;
}
export interface ApiCreatePreauthcodeResponse extends WxBaseResponse {
  /** Contains `@`: URL-encode it in authorization links. */
  pre_auth_code: string;
  /** Examples say 600, CN doc text says 1800 (UNCONFIRMED): trust the value returned. */
  expires_in: number;
}

// 01 A4 — authorization pages (browser, not API calls)

/**
 * `auth_type` of the authorization pages: 1 official accounts only, 2 mini programs only, 3 both.
 * 4 mini-program 推客 accounts, 5 Channels accounts, 6 OA + mini program + Channels, 8 带货助手 accounts appear only in
 * the current CN doc (UNCONFIRMED). The console always sends 2.
 */
export type AuthType = 1 | 2 | 3 | 4 | 5 | 6 | 8;

export const AUTH_TYPE = {
  officialAccount: 1,
  miniProgram: 2,
  both: 3,
} as const satisfies Record<string, AuthType>;

/**
 * Query of `componentloginpage` (PC) and `bindcomponent` (mobile). The page must be reached by navigation from a page
 * on the platform's registered 授权发起页域名, and `redirect_uri` must be on that domain too (Referer check, 01 A4).
 */
export interface AuthorizationPageQuery {
  component_appid: string;
  pre_auth_code: string;
  redirect_uri: string;
  /** Required in the current doc, optional in older ones. */
  auth_type: AuthType;
  /** Restrict the page to this account; wins over `auth_type` when they conflict (current doc). */
  biz_appid?: string;
  /** Permission-set ids separated by `|`, e.g. `18|30`; default all sets of the platform. */
  category_id_list?: string;
}

/** Query appended to `redirect_uri` after the admin confirms (01 A4.3); values arrive as URL strings. */
export interface AuthorizationRedirectQuery {
  auth_code: string;
  /** Seconds, e.g. `"600"`. */
  expires_in: string;
}

// 01 A10 — permission sets

/**
 * Permission-set (`func_info[].funcscope_category.id`) ids relevant to mini programs (01 A10). 27 is the OA set needed
 * for reuse-OA fast registration; 86 is accepted by get_qrcode alongside 18 (its name is UNCONFIRMED, as are names of
 * other ids above 85, e.g. 171–174 for message-push debugging). Set 18 is exclusive and, once granted, the merchant
 * can no longer release from mp.weixin.qq.com.
 */
export const PERMISSION_SET = {
  wxaCode: 17,
  development: 18,
  customerService: 19,
  openAccount: 25,
  oaFastRegister: 27,
  basicInfo: 30,
  verifyNameCheck: 31,
  nearby: 37,
  plugin: 40,
  goodsCircle: 41,
  logistics: 45,
  fiscalInvoice: 48,
  cloudDevelopment: 49,
  instantDelivery: 51,
  liveStreaming: 52,
  ads: 65,
  serviceMarket: 67,
  tradeComponentProducts: 70,
  tradeComponentOrders: 71,
  tradeComponentAccess: 73,
  violationsComplaints: 76,
  trialQuickVerify: 81,
  tradeComponentCoupons: 84,
  customTradeComponent: 85,
  qrcodeAlternative: 86,
} as const;

export type PermissionSetId = (typeof PERMISSION_SET)[keyof typeof PERMISSION_SET];

/** Sets one account can grant to only one third-party platform at a time ("Excl." in 01 A10; 85 left out). */
export const EXCLUSIVE_PERMISSION_SETS: readonly PermissionSetId[] = [18, 25, 40, 41, 45, 49, 51, 73, 76, 81];

export interface FuncInfo {
  funcscope_category: {
    /** See `PERMISSION_SET`; unknown ids occur. */
    id: number;
    /** Newer docs only. */
    type?: number;
    name?: string;
    desc?: string;
  };
  /** Only for sets with mutual-exclusion confirmation (OA-oriented). */
  confirm_info?: {
    need_confirm: number;
    already_confirm: number;
    can_confirm: number;
  };
}

// 01 A5 — api_query_auth

export interface ApiQueryAuthRequest {
  component_appid: string;
  authorization_code: string;
}

export interface QueryAuthAuthorizationInfo {
  authorizer_appid: string;
  /** Token fields are returned only when the account granted API permission sets. */
  authorizer_access_token?: string;
  expires_in?: number;
  authorizer_refresh_token?: string;
  func_info: FuncInfo[];
}

export interface ApiQueryAuthResponse extends WxBaseResponse {
  authorization_info: QueryAuthAuthorizationInfo;
}

// 01 A6 — api_authorizer_token

export interface ApiAuthorizerTokenRequest {
  component_appid: string;
  authorizer_appid: string;
  authorizer_refresh_token: string;
}
export interface ApiAuthorizerTokenResponse extends WxBaseResponse {
  authorizer_access_token: string;
  expires_in: number;
  /** May differ from the one sent: always store it. */
  authorizer_refresh_token: string;
}

// 01 A7 — api_get_authorizer_info

/**
 * `service_type_info.id` of a mini program: 0 normal, 12 trial (试用小程序), 4 mini game, 10 小商店, 2 or 3 store (门店).
 * For an official account the same field means 0 subscription, 1 upgraded legacy subscription, 2 service account.
 */
export type MiniProgramServiceTypeId = 0 | 2 | 3 | 4 | 10 | 12;

/** `verify_type_info.id`: -1 not verified, 0 WeChat-verified; OA also 1 Sina Weibo, 3 qualified but name not verified, 4 qualified + Weibo. */
export type VerifyTypeId = -1 | 0 | 1 | 3 | 4;

/**
 * `register_type`: 0 normal; 2 reuse-OA fast register; 6 enterprise legal-person face fast register; 13 trial (beta)
 * API; 15 联盟 console; 16 personal fast register; 17 personal transaction mini program; 19 trial→formal conversion;
 * 22 reuse merchant id; 23 reuse-merchant-id conversion.
 */
export type RegisterType = 0 | 2 | 6 | 13 | 15 | 16 | 17 | 19 | 22 | 23;

/** `account_status`: 1 normal, 14 cancelled (已注销), 16 banned (已封禁), 18 warned (已告警), 19 frozen (已冻结). */
export type AccountStatus = 1 | 14 | 16 | 18 | 19;

/** Configured server domains; keys are PascalCase exactly as WeChat sends them. */
export interface MiniProgramNetwork {
  RequestDomain: string[];
  WsRequestDomain: string[];
  UploadDomain: string[];
  DownloadDomain: string[];
  BizDomain: string[];
  UDPDomain: string[];
  TCPDomain: string[];
  /** Newer responses add keys such as this one and `New*` lists. */
  PrefetchDNSDomain?: string[];
}

export interface MiniProgramInfo {
  network: MiniProgramNetwork;
  categories: { first: string; second: string }[];
  /** Deprecated. */
  visit_status: number;
}

export interface AuthorizerInfo {
  nick_name: string;
  head_img: string;
  service_type_info: { id: number; name?: string };
  verify_type_info: { id: VerifyTypeId };
  /** Original id `gh_…`, the `ToUserName` of message pushes. */
  user_name: string;
  alias: string;
  qrcode_url: string;
  business_info: {
    open_pay: 0 | 1;
    open_shake: 0 | 1;
    open_scan: 0 | 1;
    open_card: 0 | 1;
    open_store: 0 | 1;
  };
  /** Deprecated. */
  idc: number;
  principal_name: string;
  signature: string;
  /** Present only for mini programs: the way to tell account kinds apart. */
  MiniProgramInfo?: MiniProgramInfo;
  register_type: RegisterType;
  account_status: AccountStatus;
  basic_config: { is_phone_configured: boolean; is_email_configured: boolean };
  /** Only for Channels / Shop / talent / supplier accounts (`{ id: 0 }` ordinary). */
  channels_info?: { id: number };
  store_info?: { id: number };
  talent_info?: { id: number };
  supplier_info?: { id: number };
}

export interface ApiGetAuthorizerInfoRequest {
  component_appid: string;
  authorizer_appid: string;
}
export interface ApiGetAuthorizerInfoResponse extends WxBaseResponse {
  authorizer_info: AuthorizerInfo;
  authorization_info: {
    authorizer_appid: string;
    authorizer_refresh_token: string;
    func_info: FuncInfo[];
  };
}

// 01 A8 — api_get_authorizer_list

export interface ApiGetAuthorizerListRequest {
  component_appid: string;
  offset: number;
  /** At most 500 (40170). */
  count: number;
}
export interface AuthorizerListItem {
  authorizer_appid: string;
  /** Empty or missing when the authorization code was never exchanged with api_query_auth. */
  refresh_token?: string;
  /** Unix seconds. */
  auth_time: number;
}
export interface ApiGetAuthorizerListResponse extends WxBaseResponse {
  total_count: number;
  list: AuthorizerListItem[];
}

// 01 A9 — authorizer options (OA-oriented)

/**
 * Option names and their string values: `location_report` "0" none / "1" on session entry / "2" every 5 s;
 * `voice_recognize` and `customer_service` "0"/"1". No mini-program-specific names were found (UNCONFIRMED).
 */
export const AUTHORIZER_OPTIONS = {
  location_report: ['0', '1', '2'],
  voice_recognize: ['0', '1'],
  customer_service: ['0', '1'],
} as const;

export type AuthorizerOptionName = keyof typeof AUTHORIZER_OPTIONS;

export interface ApiGetAuthorizerOptionRequest {
  component_appid: string;
  authorizer_appid: string;
  option_name: AuthorizerOptionName;
}
export interface ApiGetAuthorizerOptionResponse extends WxBaseResponse {
  authorizer_appid: string;
  option_name: string;
  option_value: string;
}

export interface ApiSetAuthorizerOptionRequest {
  component_appid: string;
  authorizer_appid: string;
  option_name: AuthorizerOptionName;
  option_value: string;
}
export type ApiSetAuthorizerOptionResponse = WxOkResponse;

/**
 * New-path `get_authorizer_option`. The doc body is `{ option_name }`; WxJava also sends component_appid and
 * authorizer_appid (and an authorizer token) — which token and fields are required is UNCONFIRMED.
 */
export interface GetAuthorizerOptionRequest {
  option_name: AuthorizerOptionName;
  component_appid?: string;
  authorizer_appid?: string;
}
export interface GetAuthorizerOptionResponse extends WxBaseResponse {
  option_name: string;
  option_value: string;
}

/** New-path `set_authorizer_option`; same uncertainty as `GetAuthorizerOptionRequest`. */
export interface SetAuthorizerOptionRequest {
  option_name: AuthorizerOptionName;
  option_value: string;
  component_appid?: string;
  authorizer_appid?: string;
}
export type SetAuthorizerOptionResponse = WxOkResponse;
