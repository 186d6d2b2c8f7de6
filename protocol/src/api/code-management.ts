import type {
  WxBaseResponse,
  WxBinaryResponse,
  WxEmptyRequest,
  WxId,
  WxMultipartFile,
  WxOkResponse,
} from './common.js';

// 05 E1 — commit

export interface CommitRequest {
  template_id: WxId;
  /** JSON text, NOT an object: `JSON.stringify(extJson)` (see `WxaExtJson`). */
  ext_json: string;
  /** At most 64 characters. */
  user_version: string;
  user_desc: string;
}
/** Replaces the current experience version and restarts the privacy scan (submit_audit gives 61039 until it ends). */
export type CommitResponse = WxOkResponse;

/**
 * Content serialized into `ext_json` (05 E1 merge rules). `pages`/`subPackages` may only name a subset of the
 * template's; standard templates accept only `extAppid`, `ext`, `window` (9402203).
 */
export interface WxaExtJson {
  extAppid?: string;
  /** Read in the mini program with `wx.getExtConfig`; replaced wholesale. */
  ext?: Record<string, unknown>;
  extPages?: Record<string, Record<string, unknown>>;
  pages?: string[];
  window?: Record<string, unknown>;
  networkTimeout?: Record<string, number>;
  tabBar?: Record<string, unknown>;
  subPackages?: Record<string, unknown>[];
  plugins?: Record<string, unknown>;
  functionPages?: unknown;
  customOpen?: unknown;
  navigateToMiniProgramAppIdList?: string[];
  requiredPrivateInfos?: string[];
  sitemap?: unknown;
}

// 05 E2 — get_page (GET)

export type GetPageRequest = WxEmptyRequest;
export interface GetPageResponse extends WxBaseResponse {
  page_list: string[];
}

// 05 E3 — get_category (GET)

export interface AuditCategory {
  first_class: string;
  second_class: string;
  third_class: string;
  first_id: number;
  second_id: number;
  third_id: number;
}
export type GetCategoryRequest = WxEmptyRequest;
export interface GetCategoryResponse extends WxBaseResponse {
  category_list: AuditCategory[];
}

// 05 E4 — get_qrcode (GET, binary)

export interface GetQrcodeRequest {
  /** Page path with its own query, e.g. `pages/index/index?action=1`; URL-encoded exactly once in the URL. */
  path?: string;
}
/** `image/jpeg` on success; errors are JSON. */
export type GetQrcodeResponse = WxBinaryResponse;

// 05 E5 — submit_audit

export interface SubmitAuditItem {
  /** Page path from get_page. */
  address?: string;
  /** Space-separated, at most 10 tags of at most 20 characters. */
  tag?: string;
  first_class: string;
  second_class: string;
  third_class?: string;
  first_id: number;
  second_id: number;
  third_id?: number;
  /** At most 32 characters. */
  title?: string;
}

/** Media ids from `/wxa/uploadmedia`. */
export interface SubmitAuditPreviewInfo {
  video_id_list?: string[];
  pic_id_list?: string[];
}

/** UGC `scene`: 0 none, 1 user profile data, 2 images, 3 video, 4 text, 5 other/audio (doc versions differ). */
export type UgcScene = 0 | 1 | 2 | 3 | 4 | 5;

/** UGC `method`: 1 platform content-security API, 2 other moderation product, 3 manual review, 4 none. */
export type UgcMethod = 1 | 2 | 3 | 4;

/** Required on first submission for 社交-社区/论坛, 社交-笔记, 社交-问答 (85094); with scene `[0]` omit the rest. */
export interface UgcDeclare {
  scene: UgcScene[];
  /** At most 256 characters; when `scene` includes "other". */
  other_scene_desc?: string;
  method?: UgcMethod[];
  /** 0/1, default 0. */
  has_audit_team?: 0 | 1;
  /** At most 256 characters. */
  audit_desc?: string;
}

export interface SubmitAuditRequest {
  /**
   * Marked required by the doc but described as optional; omitting it works (WeChat uses the configured categories).
   * When present: 1–5 items (85023).
   */
  item_list?: SubmitAuditItem[];
  preview_info?: SubmitAuditPreviewInfo;
  version_desc?: string;
  /** At most 200 characters; honoured only after a rejection. */
  feedback_info?: string;
  /** `|`-separated media ids, at most 5 images; honoured only after a rejection. */
  feedback_stuff?: string;
  ugc_declare?: UgcDeclare;
  /** Declare detected-but-unconfigured privacy APIs unused (avoids 61040). */
  privacy_api_not_use?: boolean;
  order_path?: string;
}
export interface SubmitAuditResponse extends WxBaseResponse {
  auditid: number;
}

// 05 E6 / E7 — audit status

/** Audit `status`: 0 approved, 1 rejected, 2 under review, 3 withdrawn, 4 delayed. */
export type AuditStatus = 0 | 1 | 2 | 3 | 4;

export const AUDIT_STATUS = {
  approved: 0,
  rejected: 1,
  auditing: 2,
  withdrawn: 3,
  delayed: 4,
} as const satisfies Record<string, AuditStatus>;

export interface GetAuditStatusRequest {
  auditid: WxId;
}

/**
 * The screenshot key is `screenshot` in the doc tables but `ScreenShot` in the official get_latest_auditstatus
 * example and some SDKs: read both. Values are `|`-separated media ids for `/cgi-bin/material/get_material`.
 */
export interface AuditScreenshots {
  screenshot?: string;
  ScreenShot?: string;
}

export interface GetAuditStatusResponse extends WxBaseResponse, AuditScreenshots {
  status: AuditStatus;
  /** Rejection reason (status 1) or delay reason (status 4); may contain HTML such as `<br>`. */
  reason?: string;
}

export type GetLatestAuditStatusRequest = WxEmptyRequest;
export interface GetLatestAuditStatusResponse extends WxBaseResponse, AuditScreenshots {
  auditid: number;
  status: AuditStatus;
  reason?: string;
  user_version: string;
  user_desc: string;
  submit_audit_time: number;
}

// 05 E8 — undocodeaudit (GET; 5 per day, 10 per month → 87013)

export type UndoCodeAuditRequest = WxEmptyRequest;
export type UndoCodeAuditResponse = WxOkResponse;

// 05 E9 — release (body must be `{}`)

export type ReleaseRequest = WxEmptyRequest;
export type ReleaseResponse = WxOkResponse;

// 05 E10 — revertcoderelease (GET)

/** Query; without `app_version` rolls back to the previous version. */
export interface RevertCodeReleaseRequest {
  app_version?: number;
}
export type RevertCodeReleaseResponse = WxOkResponse;

export type GetHistoryVersionRequest = WxEmptyRequest;
export interface HistoryVersion {
  app_version: number;
  user_version: string;
  user_desc: string;
  commit_time: number;
}
export interface GetHistoryVersionResponse extends WxBaseResponse {
  version_list: HistoryVersion[];
}

// 05 E11 / E12 — gray (phased) release

export interface GrayReleaseRequest {
  /** Integer 0–100; with 0 one of the two flags must be true. Must exceed the current percentage. */
  gray_percentage: number;
  /** Official misspelling `debuger`. */
  support_debuger_first?: boolean;
  support_experiencer_first?: boolean;
}
export type GrayReleaseResponse = WxOkResponse;

export type RevertGrayReleaseRequest = WxEmptyRequest;
export type RevertGrayReleaseResponse = WxOkResponse;

/** `gray_release_plan.status`: 0 initial, 1 running, 2 paused, 3 finished, 4 deleted. */
export type GrayReleaseStatus = 0 | 1 | 2 | 3 | 4;

export interface GrayReleasePlan {
  status: GrayReleaseStatus;
  create_timestamp: number;
  gray_percentage: number;
  support_experiencer_first: boolean;
  support_debuger_first: boolean;
}
export type GetGrayReleasePlanRequest = WxEmptyRequest;
export interface GetGrayReleasePlanResponse extends WxBaseResponse {
  gray_release_plan: GrayReleasePlan;
}

// 05 E13 — visit status (service on/off)

/** `close` makes the online mini program unavailable to users; `open` restores it. */
export type VisitStatusAction = 'open' | 'close';

/** getvisitstatus `status`: 0 paused, 1 not paused. */
export type VisitStatus = 0 | 1;

export interface ChangeVisitStatusRequest {
  action: VisitStatusAction;
}
export type ChangeVisitStatusResponse = WxOkResponse;

export type GetVisitStatusRequest = WxEmptyRequest;
export interface GetVisitStatusResponse extends WxBaseResponse {
  status: VisitStatus;
}

// 05 E14 — getversioninfo / queryquota / speedupaudit

export interface ExpVersionInfo {
  exp_time: number;
  exp_version: string;
  exp_desc: string;
}
export interface ReleaseVersionInfo {
  release_time: number;
  release_version: string;
  release_desc: string;
}
export type GetVersionInfoRequest = WxEmptyRequest;
/** Each object is absent or empty when there is no such version, hence `Partial`. */
export interface GetVersionInfoResponse extends WxBaseResponse {
  exp_info?: Partial<ExpVersionInfo>;
  release_info?: Partial<ReleaseVersionInfo>;
}

export type QueryQuotaRequest = WxEmptyRequest;
/** `rest`/`limit` count the whole platform's audit submissions this month, although an authorizer token is used. */
export interface QueryQuotaResponse extends WxBaseResponse {
  rest: number;
  limit: number;
  speedup_rest: number;
  speedup_limit: number;
}

export interface SpeedupAuditRequest {
  auditid: WxId;
}
export type SpeedupAuditResponse = WxOkResponse;

// 05 E15 — minimum base-library version

export type GetWeappSupportVersionRequest = WxEmptyRequest;
export interface GetWeappSupportVersionResponse extends WxBaseResponse {
  now_version: string;
  uv_info: { items: { percentage: number; version: string }[] };
}

export interface SetWeappSupportVersionRequest {
  version: string;
}
export type SetWeappSupportVersionResponse = WxOkResponse;

// 05 E20 — uploadmedia (multipart, field `media`)

export interface UploadMediaRequest {
  /** Image ≤ 2 MB (png/jpeg/jpg/gif) or video ≤ 10 MB (mp4). */
  media: WxMultipartFile;
}
export interface UploadMediaResponse extends WxBaseResponse {
  /** e.g. `image`. */
  type: string;
  /** Valid 3 days. */
  mediaid: string;
}

// 02 B10, 05 E6 — get_material (audit screenshots, binary)

export interface GetMaterialRequest {
  media_id: string;
}
export type GetMaterialResponse = WxBinaryResponse;
