import type { WxBaseResponse, WxOkResponse } from './common.js';

/**
 * Enterprise `code_type`: 1 unified social credit code (18 chars), 2 organisation code (9 chars, `xxxxxxxx-x`),
 * 3 business licence registration number (15 chars).
 */
export type EnterpriseCodeType = 1 | 2 | 3;

// 06 F1 — fastregisterweapp?action=create (enterprise, legal-person face verification)

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

// 06 F2 — fastregisterweapp?action=search

export interface FastRegisterWeappSearchRequest {
  name: string;
  legal_persona_wechat: string;
  legal_persona_name: string;
}
/** Only the envelope: the errcode is the task state (89250 not found, 89251 awaiting face check, 89252 checking). */
export type FastRegisterWeappSearchResponse = WxOkResponse;

// 06 F3 — fastregisterpersonalweapp?action=create / action=query

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
  entityLimit: 1001,
  entityBlacklisted: 1002,
  adminBindLimit: 1003,
  adminBlacklisted: 1004,
  adminPhoneLimit: 1005,
  adminPhoneBlacklisted: 1006,
  adminIdLimit: 1007,
  adminIdBlacklisted: 1008,
} as const;

export type PersonalRegisterStatus = (typeof PERSONAL_REGISTER_STATUS)[keyof typeof PERSONAL_REGISTER_STATUS];

export interface FastRegisterPersonalWeappCreateRequest {
  /** The person's real name. */
  idname: string;
  /** WeChat ID. */
  wxuser: string;
  component_phone?: string;
}

export interface FastRegisterPersonalWeappQueryRequest {
  taskid: string;
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

export interface BetaWeappVerifyInfo {
  enterprise_name: string;
  code: string;
  code_type: EnterpriseCodeType;
  legal_persona_wechat: string;
  legal_persona_name: string;
  legal_persona_idcard?: string;
  component_phone?: string;
}
export interface VerifyBetaWeappRequest {
  verify_info: BetaWeappVerifyInfo;
}
/** Result via the `notify_third_fastverifybetaapp` push. */
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
