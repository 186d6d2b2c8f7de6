import type { WxBaseResponse, WxOkResponse } from './common.js';

/**
 * Enterprise `code_type`: 1 unified social credit code (18 chars), 2 organisation code (9 chars, `xxxxxxxx-x`),
 * 3 business licence registration number (15 chars).
 */
export type EnterpriseCodeType = 1 | 2 | 3;

// 06 F1 — fastregisterweapp?action=create (enterprise, legal-person face verification). RETIRED 2026-04-30: use F7.

export interface FastRegisterWeappCreateRequest {
  /** Company name as registered; a sole proprietor without one uses "个体户" + legal person's name. */
  name: string;
  code: string;
  code_type: EnterpriseCodeType;
  legal_persona_wechat: string;
  legal_persona_name: string;
  component_phone?: string;
}
/** errcode 0 = task accepted; the result arrives as a `notify_third_fasteregister` push. */
export type FastRegisterWeappCreateResponse = WxOkResponse;

// 06 F2 — fastregisterweapp?action=search. RETIRED 2026-04-30: use F7 `action=query`.

export interface FastRegisterWeappSearchRequest {
  name: string;
  legal_persona_wechat: string;
  legal_persona_name: string;
}
/** Only the envelope: the errcode is the task state (89250 not found, 89251 awaiting face check, 89252 checking). */
export type FastRegisterWeappSearchResponse = WxOkResponse;

// 06 F3, F8 — fastregisterpersonalweapp?action=create / action=query (the F3 body retired 2026-04-30)

/** Entity / admin / phone / ID limits and blacklists: the same 1001–1008 in every registration enum (06 F3, F7). */
const REGISTRATION_LIMIT_STATUS = {
  entityLimit: 1001,
  entityBlacklisted: 1002,
  adminBindLimit: 1003,
  adminBlacklisted: 1004,
  adminPhoneLimit: 1005,
  adminPhoneBlacklisted: 1006,
  adminIdLimit: 1007,
  adminIdBlacklisted: 1008,
} as const;

/**
 * Personal registration task `status`: 0 created, 1 timed out, 2 rejected by user, 3 user agreed, 4 face flow started,
 * 5 face failed, 6 face OK, 7 phone code sent, 8 phone failed, 9 phone verified, 10 creation submitted, 11 creation
 * failed, 12 created, 13 verification succeeded, 14 verification failed; 1001–1008 entity/admin limits and blacklists.
 */
export const PERSONAL_REGISTER_STATUS = {
  created: 0,
  timedOut: 1,
  rejectedByUser: 2,
  userAgreed: 3,
  faceStarted: 4,
  faceFailed: 5,
  faceOk: 6,
  phoneCodeSent: 7,
  phoneFailed: 8,
  phoneVerified: 9,
  creationSubmitted: 10,
  creationFailed: 11,
  miniProgramCreated: 12,
  verifySucceeded: 13,
  verifyFailed: 14,
  ...REGISTRATION_LIMIT_STATUS,
} as const;

export type PersonalRegisterStatus = (typeof PERSONAL_REGISTER_STATUS)[keyof typeof PERSONAL_REGISTER_STATUS];

/** 06 F8: the current body. */
export interface FastRegisterPersonalWeappCreateRequest {
  /** WeChat ID. */
  wxuser: string;
  component_phone?: string;
  new_version: true;
}

/** 06 F3: the body with `idname`, retired 2026-04-30. */
export interface FastRegisterPersonalWeappLegacyCreateRequest {
  /** The person's real name. */
  idname: string;
  wxuser: string;
  component_phone?: string;
}

export interface FastRegisterPersonalWeappQueryRequest {
  taskid: string;
  new_version: true;
}

/** Both actions answer the same way. Show `authorize_url` as a QR code: the user has 24 h to scan it. */
export interface FastRegisterPersonalWeappResponse extends WxBaseResponse {
  taskid: string;
  authorize_url: string;
  status: PersonalRegisterStatus;
}
export type FastRegisterPersonalWeappCreateResponse = FastRegisterPersonalWeappResponse;
export type FastRegisterPersonalWeappQueryResponse = FastRegisterPersonalWeappResponse;

// 06 F4 — trial ("beta") mini program

export interface FastRegisterBetaWeappRequest {
  /** WeChat appends the suffix "的体验小程序"; brand keywords are rejected. */
  name: string;
  /** The future admin's openid, not a WeChat ID (which appid's openid: UNCONFIRMED). */
  openid: string;
}
/** The user must open `authorize_url` within 24 h; the result is a `notify_third_fastregisterbetaapp` push. */
export interface FastRegisterBetaWeappResponse extends WxBaseResponse {
  unique_id: string;
  authorize_url: string;
}

/** 06 F4: the body with the legal person's fields (whether it is retired too is UNCONFIRMED). */
export interface BetaWeappVerifyInfo {
  enterprise_name: string;
  code: string;
  code_type: EnterpriseCodeType;
  legal_persona_wechat: string;
  legal_persona_name: string;
  legal_persona_idcard?: string;
  component_phone?: string;
}
/** 06 F9: the 2026 body (permission set 81). */
export interface BetaWeappVerifyInfoNew {
  enterprise_name: string;
  code: string;
  component_phone?: string;
}
export type VerifyBetaWeappRequest =
  { verify_info: BetaWeappVerifyInfoNew; new_version: true } | { verify_info: BetaWeappVerifyInfo };
/** Result via the `notify_third_fastverifybetaapp` push (layout UNCONFIRMED); no task id is documented. */
export type VerifyBetaWeappResponse = WxOkResponse;

// 06 F5 — reuse an official account's entity

/** Query of the browser page `mp.weixin.qq.com/cgi-bin/fastregisterauth` shown to the OA admin. */
export interface FastRegisterAuthQuery {
  /** The official account's appid. */
  appid: string;
  component_appid: string;
  /** 1 reuse the OA's WeChat verification, 0 don't. */
  copy_wx_verify: 0 | 1;
  /** Host must equal the platform's 授权发起页域名. */
  redirect_uri: string;
}
/** Query appended to `redirect_uri` after the admin scans. */
export interface FastRegisterAuthRedirectQuery {
  ticket: string;
}

/** Called with the OA's authorizer token (set 27). On retry after a timeout wait more than 5 s (61058). */
export interface AccountFastRegisterRequest {
  ticket: string;
}
export interface AccountFastRegisterResponse extends WxBaseResponse {
  appid: string;
  /** Exchange with api_query_auth. */
  authorization_code: string;
  is_wx_verify_succ: boolean;
  is_link_succ: boolean;
}

// 06 F7 — wxa/component/fastregisterenterpriseweapp?action=create / action=query (component token, `access_token=`)

/**
 * Enterprise task `status` (Senparc enum): -1 invalid action, 0 request ok, 1 task created, 2 timed out, 3 refused by
 * the user, 4 user agreed, 5 face flow started, 6 face failed, 7 face OK, 8 phone code sent, 9 phone failed,
 * 10 creation submitted, 11 creation failed, 12 created, 13 enterprise information verified, 14 that check failed;
 * 1001–1008 as in F3.
 */
export const ENTERPRISE_REGISTER_STATUS = {
  invalidAction: -1,
  requestOk: 0,
  created: 1,
  timedOut: 2,
  refusedByUser: 3,
  userAgreed: 4,
  faceStarted: 5,
  faceFailed: 6,
  faceOk: 7,
  phoneCodeSent: 8,
  phoneFailed: 9,
  creationSubmitted: 10,
  creationFailed: 11,
  miniProgramCreated: 12,
  enterpriseVerified: 13,
  enterpriseVerifyFailed: 14,
  ...REGISTRATION_LIMIT_STATUS,
} as const;

export type EnterpriseRegisterStatus = (typeof ENTERPRISE_REGISTER_STATUS)[keyof typeof ENTERPRISE_REGISTER_STATUS];

/** The body to send: the legal person completes everything behind `authorize_url`. */
export interface FastRegisterEnterpriseWeappNewRequest {
  /** As registered; "个体户" + the legal person's name for a sole proprietor without a name. */
  name: string;
  /** Unified social credit code only. */
  code: string;
  component_phone?: string;
  new_version: true;
}

/** The other body Senparc keeps on this path (legal person by openid); whether WeChat accepts it is UNCONFIRMED. */
export interface FastRegisterEnterpriseWeappOpenidRequest {
  name: string;
  code: string;
  code_type: EnterpriseCodeType;
  legal_persona_openid: string;
  legal_persona_name: string;
  component_phone?: string;
}

export type FastRegisterEnterpriseWeappCreateRequest =
  FastRegisterEnterpriseWeappNewRequest | FastRegisterEnterpriseWeappOpenidRequest;

export interface FastRegisterEnterpriseWeappQueryRequest {
  taskid: string;
  new_version: true;
}

/** Both actions answer the same way; show `authorize_url` to the legal person (link or QR code). */
export interface FastRegisterEnterpriseWeappResponse extends WxBaseResponse {
  taskid: string;
  authorize_url: string;
  status: EnterpriseRegisterStatus;
}
export type FastRegisterEnterpriseWeappCreateResponse = FastRegisterEnterpriseWeappResponse;
export type FastRegisterEnterpriseWeappQueryResponse = FastRegisterEnterpriseWeappResponse;
