import type { WxBaseResponse, WxEmptyRequest, WxId, WxOkResponse } from './common.js';

/** `template_type`: 0 normal template (default), 1 standard template (depends on the retired Transaction Component). */
export type TemplateType = 0 | 1;

export const TEMPLATE_TYPE = {
  normal: 0,
  standard: 1,
} as const satisfies Record<string, TemplateType>;

/**
 * Standard-template audit `audit_status`: 0 not submitted, 1 auditing, 2 rejected, 3 approved, 4 submitting,
 * 5 submit failed. Not returned for normal templates.
 */
export type StandardTemplateAuditStatus = 0 | 1 | 2 | 3 | 4 | 5;

/** Category of a standard template (legacy page); the newer EN page lists further keys such as `address`, `tag`. */
export interface TemplateCategory {
  first_class: string;
  first_id: number;
  second_class: string;
  second_id: number;
  address?: string;
  tag?: string;
}

// 04 D1 — gettemplatedraftlist (GET)

export interface TemplateDraft {
  /** Unix seconds of the DevTools upload. */
  create_time: number;
  user_version: string;
  user_desc: string;
  draft_id: number;
  source_miniprogram_appid: string;
  source_miniprogram: string;
  /** Uploader's WeChat nickname. */
  developer: string;
  /** Usually empty for drafts. */
  category_list: TemplateCategory[];
}

export type GetTemplateDraftListRequest = WxEmptyRequest;
export interface GetTemplateDraftListResponse extends WxBaseResponse {
  draft_list: TemplateDraft[];
}

// 04 D2 — addtotemplate

export interface AddToTemplateRequest {
  draft_id: WxId;
  template_type?: TemplateType;
}
/** Does NOT return the new template_id: list templates and match by `draft_id` (or take the highest template_id). */
export type AddToTemplateResponse = WxOkResponse;

// 04 D3 — gettemplatelist (GET only; POST gives 43001)

/** Query; without `template_type` both kinds are listed. */
export interface GetTemplateListRequest {
  template_type?: TemplateType;
}

export interface TemplateItem {
  create_time: number;
  user_version: string;
  user_desc: string;
  template_id: number;
  /** Listed by the newer doc and SDK models; the legacy table omits it. */
  draft_id?: number;
  source_miniprogram_appid: string;
  source_miniprogram: string;
  developer: string;
  template_type: TemplateType;
  /** Empty for normal templates. */
  category_list: TemplateCategory[];
  /** Standard templates only (semantics UNCONFIRMED). */
  audit_scene?: number;
  /** Standard templates only. */
  audit_status?: StandardTemplateAuditStatus;
  /** Rejection reason; standard templates only. */
  reason?: string;
}

/** Order is not chronological once the library has been full: sort by `template_id`. */
export interface GetTemplateListResponse extends WxBaseResponse {
  template_list: TemplateItem[];
}

// 04 D4 — deletetemplate

export interface DeleteTemplateRequest {
  template_id: WxId;
}
export type DeleteTemplateResponse = WxOkResponse;
