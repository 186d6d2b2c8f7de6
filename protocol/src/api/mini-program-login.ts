import type { WxBaseResponse } from './common.js';

// 01 A15 — sns/component/jscode2session (GET, all query parameters; `component_access_token=`)

export interface ComponentJscode2SessionRequest {
  /** The authorized mini program. */
  appid: string;
  /** From `wx.login`: single use, short-lived. */
  js_code: string;
  grant_type: 'authorization_code';
  component_appid: string;
}
/**
 * No `errcode` on success. The official error example sends `"errcode": "40029"` as a string: read errcode as a
 * number or a numeric string. `session_key` must never leave the server.
 */
export interface ComponentJscode2SessionResponse extends WxBaseResponse {
  openid: string;
  session_key: string;
  /** Only when the UnionID conditions are met. */
  unionid?: string;
}
