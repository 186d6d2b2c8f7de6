import type { WxBaseResponse, WxEmptyRequest, WxMultipartFile, WxOkResponse } from './common.js';

// 08 H7 — ICP filing (备案). Paths, bodies and fields per the reference's sources (official pages, Senparc, SKIT);
// the nested filing form is kept open where the reference does not describe it.

/**
 * `info.status` (also `beian_status` of the push): 2 platform review, 3 rejected by the platform, 4 under review by
 * the provincial authority, 5 rejected by the authority, 6 filed; 1024 not filed; 1025–1031 not filed with
 * something missing (1024 + 1 basic info, + 2 category, + 4 not verified).
 */
export const ICP_STATUS = {
  platformReview: 2,
  platformRejected: 3,
  authorityReview: 4,
  authorityRejected: 5,
  filed: 6,
  notFiled: 1024,
} as const;

/** Bits added to 1024 in statuses 1025–1031. */
export const ICP_MISSING = { basicInfo: 1, category: 2, notVerified: 4 } as const;

export interface IcpAuditData {
  key_name: string;
  error: string;
  suggest?: string;
}

export type GetIcpEntranceInfoRequest = WxEmptyRequest;
export interface GetIcpEntranceInfoResponse extends WxBaseResponse {
  info: {
    status: number;
    is_canceling: boolean;
    /** Rejected fields. */
    audit_data?: IcpAuditData[];
    /** 0/1: the filing entrance is open (Senparc only; optional). */
    available?: 0 | 1;
    /** 1 waiting, 2 done, 3 timed out; meaningful only while status is 4 (Senparc only; optional). */
    sms_verify_status?: 1 | 2 | 3;
  };
}

/** One entry of the form dictionaries (`items` of the five query_icp_* calls). */
export interface IcpDictionaryItem {
  type: number;
  name: string;
  remark?: string;
  /** query_icp_certificate_types: the subject type the certificate belongs to. */
  subject_type?: number;
  /** query_icp_service_content_types: the parent entry. */
  parent_type?: number;
}

export interface IcpDistrict {
  type: number;
  code: string;
  name: string;
  sub_list?: IcpDistrict[];
}

export type QueryIcpDictionaryRequest = WxEmptyRequest;
export interface QueryIcpDictionaryResponse extends WxBaseResponse {
  items: IcpDictionaryItem[];
}
export interface QueryIcpDistrictCodeResponse extends WxBaseResponse {
  items: IcpDistrict[];
}

export interface CreateIcpVerifyTaskRequest {
  /** true: combined verification + filing, which also returns `verify_url`. */
  along_with_auth?: boolean;
}
/** `task_id` is valid 3 days for filing only, 1 day with `along_with_auth`. */
export interface CreateIcpVerifyTaskResponse extends WxBaseResponse {
  task_id: string;
  verify_url?: string;
}

export interface QueryIcpVerifyTaskRequest {
  task_id: string;
}
/** `face_status`: 0 not started, 1 waiting, 2 failed, 3 succeeded; final only when `is_finish`. */
export interface QueryIcpVerifyTaskResponse extends WxBaseResponse {
  is_finish: boolean;
  face_status: 0 | 1 | 2 | 3;
}

export interface UploadIcpMediaRequest {
  media: WxMultipartFile;
  type: 'image' | 'video';
  /** Which form field the document is for. */
  icp_order_field: string;
  certificate_type?: number;
}
export interface UploadIcpMediaResponse extends WxBaseResponse {
  type: string;
  media_id: string;
  create_at: number;
}

export interface IcpSubject {
  base_info?: Record<string, unknown>;
  personal_info?: Record<string, unknown>;
  organize_info?: Record<string, unknown>;
  /** The face-verification task goes into `verify_task_id`. */
  principal_info?: Record<string, unknown> & { verify_task_id?: string };
  legal_person_info?: Record<string, unknown>;
}

export interface IcpApplets {
  base_info?: Record<string, unknown> & {
    appid?: string;
    name?: string;
    service_content_types?: number[];
    nrlx_details?: unknown[];
    comment?: string;
  };
  principal_info?: Record<string, unknown>;
}

export interface ApplyIcpFilingRequest {
  icp_subject: IcpSubject;
  icp_applets: IcpApplets;
  /** Commitment letters and other media ids from upload_icp_media. */
  icp_materials?: Record<string, unknown>;
}
/** Field-level problems come back in `hints` beside the top-level errcode (codes UNCONFIRMED). */
export interface ApplyIcpFilingResponse extends WxBaseResponse {
  hints?: { errcode: number; err_field: string; errmsg: string }[];
}

export type GetOnlineIcpOrderRequest = WxEmptyRequest;
/** Masked details, without media. */
export interface GetOnlineIcpOrderResponse extends WxBaseResponse {
  icp_subject: IcpSubject;
  icp_applets: IcpApplets;
}

export type CancelApplyIcpFilingRequest = WxEmptyRequest;
export type CancelApplyIcpFilingResponse = WxOkResponse;

export interface CancelIcpFilingRequest {
  /** 1 cancel the entity, 2 cancel the mini program, 3 cancel the WeChat mini program. */
  cancel_type: 1 | 2 | 3;
  /** 1 no longer operated, 2 entity information changed and must refile. */
  reason_type: 1 | 2;
}
export type CancelIcpFilingResponse = WxOkResponse;
