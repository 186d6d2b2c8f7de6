import type { XmlObject } from '../xml/safe-xml.js';

/** Which of the platform's two push URLs a push arrived on (02, table at the top). */
export type PushChannel = 'component' | 'app';

/** Every value stays the string WeChat sent: `CreateTime` and ids are never turned into numbers. */
interface ComponentPushBase {
  channel: 'component';
  appId: string;
  createTime: string;
}

export interface ComponentVerifyTicketPush extends ComponentPushBase {
  kind: 'component_verify_ticket';
  ticket: string;
}

export interface AuthorizationPush extends ComponentPushBase {
  kind: 'authorized' | 'updateauthorized';
  authorizerAppid: string;
  authorizationCode: string;
  /** Observed as a unix timestamp; whether it may be a duration is UNCONFIRMED (01 A0). */
  authorizationCodeExpiredTime: string;
  preAuthCode: string;
}

export interface UnauthorizedPush extends ComponentPushBase {
  kind: 'unauthorized';
  authorizerAppid: string;
}

/** notify_third_fasteregister, notify_third_fastregisterbetaapp, notify_third_fastverifybetaapp (02 B5, B6). */
export interface FastRegistrationPush extends ComponentPushBase {
  kind: 'notify_third_fasteregister' | 'notify_third_fastregisterbetaapp' | 'notify_third_fastverifybetaapp';
  /** The new mini-program's appid; empty on failure. */
  appid: string;
  status: string;
  authCode: string;
  msg: string;
  /** The echo of the registration request; both documented layouts are kept as sent. */
  info: Record<string, string>;
  /** `<info><taskid>` of the personal and 2026 registrations (02 B5, B18; UNCONFIRMED); '' when absent. */
  taskid: string;
}

/**
 * ICP filing results (02 B15). Documented as InfoType pushes of the authorization-event URL, reported on the message
 * URL too (UNCONFIRMED): `appId` or `toUserName` is '' for the other. Element casing is UNCONFIRMED, so each typed
 * value is '' when its element is absent and `fields` keeps the push as sent.
 */
interface IcpPushBase {
  channel: PushChannel;
  appId: string;
  toUserName: string;
  createTime: string;
  fields: XmlObject;
}

export interface IcpVerifyResultPush extends IcpPushBase {
  kind: 'notify_icpfiling_verify_result';
  taskId: string;
  verifyAppid: string;
  /** 2 verification failed, 3 verification succeeded. */
  result: string;
}

export interface IcpFilingResultPush extends IcpPushBase {
  kind: 'notify_apply_icpfiling_result';
  authorizerAppid: string;
  /** Same values as get_icp_entrance_info `info.status` (08 H7). */
  beianStatus: string;
}

/** The combined verification + filing result: layout UNCONFIRMED, only `fields`. */
export interface AuthAndIcpPush extends IcpPushBase {
  kind: 'notify_3rd_wxa_auth_and_icp';
}

export type IcpPush = IcpVerifyResultPush | IcpFilingResultPush | AuthAndIcpPush;

interface AppPushBase {
  channel: 'app';
  /** The mini-program's `gh_` original id. */
  toUserName: string;
  fromUserName: string;
  createTime: string;
}

export interface AuditSuccessPush extends AppPushBase {
  kind: 'weapp_audit_success';
  succTime: string;
}

export interface AuditFailPush extends AppPushBase {
  kind: 'weapp_audit_fail';
  /** May contain HTML such as `<br>`: render it sanitized. */
  reason: string;
  failTime: string;
  /** Media ids for /cgi-bin/material/get_material; empty when none were sent. */
  screenshots: string[];
}

export interface AuditDelayPush extends AppPushBase {
  kind: 'weapp_audit_delay';
  reason: string;
  delayTime: string;
}

export interface NicknameAuditPush extends AppPushBase {
  kind: 'wxa_nickname_audit';
  /** 2 rejected, 3 approved. */
  ret: string;
  nickname: string;
  reason: string;
}

/** Category review result (02 B16). */
export interface CategoryAuditPush extends AppPushBase {
  kind: 'wxa_category_audit';
  /** First- and second-level category ids, as strings. */
  first: string;
  second: string;
  /** 2 rejected, 3 approved. */
  ret: string;
  reason: string;
}

/** Privacy-interface application result (02 B17): layout UNCONFIRMED, re-read get_privacy_interface on it. */
export interface PrivacyApplyPush extends AppPushBase {
  kind: 'wxa_privacy_apply';
  fields: XmlObject;
}

/** A push of a kind we do not model, or a known kind missing a field: kept whole, never dropped. */
export interface UnknownPush {
  kind: 'unknown';
  channel: PushChannel;
  /** InfoType or Event as sent, '' when absent. */
  type: string;
  createTime: string;
  /** Why it is not a known kind. */
  note: string;
  fields: XmlObject;
}

export type ComponentPush = ComponentVerifyTicketPush | AuthorizationPush | UnauthorizedPush | FastRegistrationPush;
export type AppPush =
  AuditSuccessPush | AuditFailPush | AuditDelayPush | NicknameAuditPush | CategoryAuditPush | PrivacyApplyPush;
export type Push = ComponentPush | AppPush | IcpPush | UnknownPush;
export type PushKind = Push['kind'];
