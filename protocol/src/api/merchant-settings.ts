import type { WxBaseResponse, WxEmptyRequest, WxOkResponse } from './common.js';

// 08 H1 — getaccountbasicinfo (GET in the SDKs, POST `{}` on the current page; which WeChat accepts is UNCONFIRMED)

/** A change count and its quota for the current period. */
export interface ModifyQuota {
  modify_used_count: number;
  modify_quota: number;
}

export interface WxVerifyInfo {
  qualification_verify: boolean;
  naming_verify: boolean;
  /** The annual-review fields come only when `qualification_verify` is true. */
  annual_review?: boolean;
  annual_review_begin_time?: number;
  annual_review_end_time?: number;
}

export type GetAccountBasicInfoRequest = WxEmptyRequest;
export interface GetAccountBasicInfoResponse extends WxBaseResponse {
  appid: string;
  /** 1 subscription account, 2 service account, 3 mini program. */
  account_type: 1 | 2 | 3;
  /** 0 personal, 1 enterprise, 2 media, 3 government, 4 other organisation (Senparc enum). */
  principal_type: number;
  principal_name: string;
  /** Organisation code for non-personal entities. */
  credential: string;
  /** 1 verified, 2 verifying, 3 failed. */
  realname_status: 1 | 2 | 3;
  wx_verify_info: WxVerifyInfo;
  /** The introduction (简介). */
  signature_info: { signature: string } & ModifyQuota;
  head_image_info: { head_image_url: string } & ModifyQuota;
  nickname: string;
  nickname_info: { nickname: string } & ModifyQuota;
  registered_country: number;
  /** Verification type, 0 when not verified. */
  customer_type: number;
}

// 08 H2 — checkwxverifynickname

export interface CheckWxVerifyNicknameRequest {
  nick_name: string;
}
export interface CheckWxVerifyNicknameResponse extends WxBaseResponse {
  /** true: the name hits a keyword policy and setnickname will need proof material. */
  hit_condition: boolean;
  wording: string;
}

// 08 H3 — modifyheadimage

/** A crop-box corner as a fraction in [0, 1]; the page types them as strings, the SDKs send numbers. */
export type CropFraction = number | string;

export interface ModifyHeadImageRequest {
  head_img_media_id: string;
  x1: CropFraction;
  y1: CropFraction;
  x2: CropFraction;
  y2: CropFraction;
}
export type ModifyHeadImageResponse = WxOkResponse;

// 08 H4 — modifysignature

export interface ModifySignatureRequest {
  /** 4–120 characters with at least 4 Chinese characters of real description (53204). */
  signature: string;
}
export type ModifySignatureResponse = WxOkResponse;

// 08 H6 — categories (类目)

export interface QualificationDoc {
  name: string;
  /** A sample document. */
  url: string;
  remark: string;
}

export interface CategoryNode {
  id: number;
  name: string;
  level: number;
  father: number;
  children: number[];
  /** 1 needs qualification review, 0 does not. */
  sensitive_type: 0 | 1;
  qualify: { exter_list: { inner_list: QualificationDoc[] }[] };
}

/** The node with `id` 0 is the root; its `children` are the first-level categories. */
export interface CategoryTree {
  categories_list: { categories: CategoryNode[] };
}

export type GetAllCategoriesRequest = WxEmptyRequest;
export interface GetAllCategoriesResponse extends WxBaseResponse, CategoryTree {}

/** `verify_type`: 0 personal, 1 enterprise, 2 government, 3 media, 4 other organisation. */
export interface GetCategoriesByTypeRequest {
  verify_type: 0 | 1 | 2 | 3 | 4;
}
export interface GetCategoriesByTypeResponse extends WxBaseResponse, CategoryTree {}

/** `audit_status`: 1 under review, 2 rejected, 3 approved. */
export type CategoryAuditStatus = 1 | 2 | 3;

export interface AccountCategory {
  first: number;
  first_name: string;
  second: number;
  second_name: string;
  audit_status: CategoryAuditStatus;
  audit_reason: string;
}

export type GetSettingCategoriesRequest = WxEmptyRequest;
export interface GetSettingCategoriesResponse extends WxBaseResponse {
  categories: AccountCategory[];
  /** Additions allowed per change period. */
  limit: number;
  /** Additions left in this period. */
  quota: number;
  /** Maximum number of categories. */
  category_limit: number;
}

/** `certicates` is WeChat's spelling; each `value` is a temporary-material media id. */
export interface CategoryCertificate {
  key: string;
  value: string;
  /** Named on the page, semantics not described (UNCONFIRMED). */
  expire_time?: number;
  is_permanent?: boolean;
}

export interface CategoryWithCertificates {
  first: number;
  second: number;
  certicates?: CategoryCertificate[];
}

export interface AddCategoryRequest {
  categories: CategoryWithCertificates[];
}
/** Categories needing review are decided later: `wxa_category_audit` push or getcategory. */
export type AddCategoryResponse = WxOkResponse;

export interface DeleteCategoryRequest {
  first: number;
  second: number;
}
export type DeleteCategoryResponse = WxOkResponse;

/** Only a rejected category's qualifications can change (53307), never its ids (53306). */
export type ModifyCategoryRequest = CategoryWithCertificates;
export type ModifyCategoryResponse = WxOkResponse;
