import type { WxBaseResponse, WxEmptyRequest, WxMultipartFile } from './common.js';

// 05 E24 — privacy interfaces (隐私接口): the location APIs that need an approved application (61040 otherwise).

/** `status`: 1 open for application, 2 no permission, 3 application under review, 4 application failed, 5 granted. */
export type PrivacyInterfaceStatus = 1 | 2 | 3 | 4 | 5;

export interface PrivacyInterface {
  /** e.g. `wx.chooseLocation`; exact and case-sensitive. */
  api_name: string;
  api_ch_name: string;
  api_desc: string;
  /** Present once an application exists. */
  apply_time?: number;
  status: PrivacyInterfaceStatus;
  /** Present once an application exists. */
  audit_id?: number;
  /** The rejection or no-permission reason. */
  fail_reason?: string;
  api_link: string;
  group_name: string;
}

export type GetPrivacyInterfaceRequest = WxEmptyRequest;
export interface GetPrivacyInterfaceResponse extends WxBaseResponse {
  interface_list: PrivacyInterface[];
}

export interface ApplyPrivacyInterfaceRequest {
  api_name: string;
  /** Reason for the application, at most 300 characters, UTF-8. */
  content: string;
  /** Supporting web pages. */
  url_list?: string[];
  /** Supporting image URLs, at most 10. */
  pic_list?: string[];
  video_list?: string[];
}
/** The result arrives as the `wxa_privacy_apply` event (layout UNCONFIRMED) and in get_privacy_interface. */
export interface ApplyPrivacyInterfaceResponse extends WxBaseResponse {
  audit_id: number;
}

// 05 E25 — uploadprivacyextfile (multipart, field `file`; authorizer token despite the /component/ path)

export interface UploadPrivacyExtFileRequest {
  /** A TXT file of at most 100 KB (40126 / 40006). */
  file: WxMultipartFile;
}
export interface UploadPrivacyExtFileResponse extends WxBaseResponse {
  /** Use as `owner_setting.ext_file_media_id` of the development guide. */
  ext_file_media_id: string;
}
