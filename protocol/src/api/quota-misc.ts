import type { WxBaseResponse, WxEmptyRequest, WxOkResponse } from './common.js';

// 01 A11 — cgi-bin/openapi/quota/get (token of the API's owner)

export interface GetApiQuotaRequest {
  /** Path only, leading `/`, no host or query (76003 otherwise), e.g. `/cgi-bin/component/api_create_preauthcode`. */
  cgi_path: string;
}
export interface GetApiQuotaResponse extends WxBaseResponse {
  quota: { daily_limit: number; used: number; remain: number };
  rate_limit: { call_count: number; refresh_second: number };
  component_rate_limit: { call_count: number; refresh_second: number };
}

// 01 A12 — quota resets (10 per account per calendar month, shared by clear_quota and clear_quota/v2)

export interface ClearQuotaRequest {
  /** The account being reset; must match the token (component appid + component token, or authorizer appid + its token). */
  appid: string;
}
export type ClearQuotaResponse = WxOkResponse;

/** `clear_quota/v2` needs no token: the secret travels in the body. */
export interface ClearComponentQuotaByAppSecretRequest {
  component_appid: string;
  appsecret: string;
  /** Omit to reset the platform itself; an authorized account's appid resets that account. */
  appid?: string;
}
export type ClearComponentQuotaByAppSecretResponse = WxOkResponse;

export interface ClearApiQuotaRequest {
  cgi_path: string;
}
export type ClearApiQuotaResponse = WxOkResponse;

// 01 A13 — cgi-bin/openapi/rid/get (caller's token)

export interface GetRidInfoRequest {
  /** The `rid` found at the end of an errmsg. Kept 7 days. */
  rid: string;
}
export interface RidRequestInfo {
  invoke_time: number;
  cost_in_ms: number;
  request_url: string;
  request_body: string;
  response_body: string;
  /** The IP WeChat saw: the way to debug 61004. */
  client_ip: string;
}
export interface GetRidInfoResponse extends WxBaseResponse {
  request: RidRequestInfo;
}

// 01 A14 — WeChat server IPs

export type GetApiDomainIpRequest = WxEmptyRequest;
export interface GetApiDomainIpResponse extends WxBaseResponse {
  ip_list: string[];
}

export type GetCallbackIpRequest = WxEmptyRequest;
/** IPs WeChat pushes from; they change, so never hard-filter on them. */
export interface GetCallbackIpResponse extends WxBaseResponse {
  ip_list: string[];
}
