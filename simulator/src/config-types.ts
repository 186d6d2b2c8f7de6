/**
 * Simulator settings. Every key is optional in a config file; defaults come from the WeChat docs, and every
 * behaviour the docs mark UNCONFIRMED is a setting here (see README.md for the mapping).
 */
export interface PlatformConfig {
  componentAppid: string;
  componentAppsecret: string;
  token: string;
  encodingAESKey: string;
}

export interface PushConfig {
  componentEventUrl: string | null;
  messageUrlTemplate: string | null;
  /** WeChat waits 5 s for `success`. */
  timeoutMs: number;
  /** Resends after the first delivery; "three in total" is ambiguous (UNCONFIRMED 20), so 3 means 4 deliveries. */
  retries: number;
  retryDelayMs: number;
  /** Whether a retry carries a fresh timestamp/nonce/signature (UNCONFIRMED 6). */
  resignRetries: boolean;
  /** Send the first ticket as soon as the simulator starts. */
  ticketOnStart: boolean;
}

export interface AuditConfig {
  durationSeconds: number;
  defaultOutcome: 'success' | 'fail' | 'delay';
  /** Outcome after a weapp_audit_delay when nobody decided otherwise. */
  afterDelayOutcome: 'success' | 'fail';
  monthlyQuota: number;
  speedupQuota: number;
  undoPerDay: number;
  undoPerMonth: number;
  /** Errcode of undocodeaudit when nothing is under review (UNCONFIRMED 10: 87012 or 85019). */
  undoNothingErrcode: number;
  /** Whether a withdrawn audit gives its quota back (UNCONFIRMED 10). */
  undoRefundsQuota: boolean;
  /** submit_audit without item_list (docs contradict themselves; community says it works). */
  requireItemList: boolean;
  /**
   * submit_audit's errcode when no development privacy guide exists at all (UNCONFIRMED 23); null = accepted, and the
   * audit is rejected with `guideRejectReason` like any other guide problem (05 E5, E22, E23).
   */
  noGuideSubmitErrcode: number | null;
  /** Rejection reason for a missing, mismatched or placeholder privacy guide; `{problem}` says which (05 E23). */
  guideRejectReason: string;
  /** Rejection reason when the audited categories miss the app's service; `{category}` names it (08 H6). */
  categoryRejectReason: string;
}

export interface PrivacyInterfaceConfig {
  /** apply_privacy_interface → result delay (simulated time). */
  reviewSeconds: number;
  defaultOutcome: 'grant' | 'reject';
  /** Push `wxa_privacy_apply` with the result (layout UNCONFIRMED 30); false = only get_privacy_interface shows it. */
  pushResult: boolean;
  /** apply_privacy_interface for an api with status 2 (no permission); errcodes are UNCONFIRMED (30). */
  noPermissionErrcode: number;
}

export interface CategoryConfig {
  /** addcategory of a category needing qualifications → wxa_category_audit delay (simulated time). */
  reviewSeconds: number;
  defaultOutcome: 'approve' | 'reject';
  /** getcategory `category_limit` (53301) and `limit` per month (53300): numbers not documented. */
  maxPerApp: number;
  changesPerMonth: number;
}

export interface BasicInfoConfig {
  /** modifyheadimage changes per period (53202): 5 per the EN page; the period is UNCONFIRMED (31). */
  headImageQuota: number;
  headImagePeriod: 'month' | 'year';
  /** modifysignature changes per month (53200): number not documented. */
  signatureQuotaPerMonth: number;
  /** Renames before the first release (05 E21: 2); afterwards only by verification. */
  renamesBeforeRelease: number;
}

export interface IcpConfig {
  /** /wxa/release errcode while the app is not filed (UNCONFIRMED 26). */
  releaseUnfiledErrcode: number;
  /** create_icp_verifytask → face verification result delay (simulated time). */
  verifySeconds: number;
  /** apply_icp_filing: seconds per review stage (platform, then authority). */
  reviewSeconds: number;
  defaultOutcome: 'approve' | 'reject';
  /** Which URL the B15 pushes go to, as XML with InfoType (UNCONFIRMED 26). */
  pushUrl: 'component' | 'message';
}

export interface FastRegistrationConfig {
  /** Agreement on the authorization page (or the legacy create) → creation result (simulated time). */
  delaySeconds: number;
  /** Result of a task nobody decided: 0 / 12 = created, else a failure status of 02 B5 / 06 F3, F7. */
  defaultStatus: number;
  alsoPushAuthorized: boolean;
  /** fastregisterweapp (#54, #55) and the F3 personal body answer `retiredErrcode` (06: retired 2026-04-30). */
  legacyRetired: boolean;
  /** What a retired call answers: not in the reference. */
  retiredErrcode: number;
  /** fastregisterenterpriseweapp also takes the legal_persona_openid body (UNCONFIRMED 27). */
  enterpriseOpenidBody: boolean;
  /** verifybetaweapp still takes the F4 body without `new_version` (its retirement is UNCONFIRMED). */
  verifyBetaOldBody: boolean;
  /** Result push of the 2026 versions (UNCONFIRMED 27, 02 B18): with `<info><taskid>`, without it, or none. */
  resultPush: 'with_taskid' | 'without_taskid' | 'none';
}

export interface JscodeConfig {
  /** How long a wx.login code stays usable: not documented (01 A15 "short-lived"). */
  codeSeconds: number;
  /** Errcode for a code used twice: 40029 documented here, 40163 UNCONFIRMED for this path (01 A15). */
  reusedCodeErrcode: number;
  /** Send errcode as a string, as the official error example does (01 A15). */
  errcodeAsString: boolean;
  /** Errcode without a component token: 41001, or 41021 as read from the EN page (UNCONFIRMED, 01 A15). */
  missingTokenErrcode: number;
}

export interface QuotaConfig {
  /** Default daily limit per API per account. */
  dailyLimit: number;
  /** Per-path overrides, e.g. api_component_token 10000 (UNCONFIRMED 5), api_get_authorizer_info 1000 (UNCONFIRMED 17). */
  perPath: Record<string, number>;
  clearPerMonth: number;
  clearApiPerMonth: number;
}

export interface SimulatorConfig {
  platform: PlatformConfig;
  push: PushConfig;
  /** host[:port] of the registered 授权发起页域名; Referer and redirect_uri must be on it. */
  launchDomain: string;
  whitelist: string[];
  ticketIntervalSeconds: number;
  ticketLifetimeSeconds: number;
  componentTokenSeconds: number;
  /** How long the previous component token stays valid after a new one (UNCONFIRMED 19; 0 = dies at once). */
  componentTokenOverlapSeconds: number;
  authorizerTokenSeconds: number;
  authorizerTokenOverlapSeconds: number;
  /** 600 in examples vs 1800 in CN text (UNCONFIRMED 1). */
  preAuthCodeSeconds: number;
  authCodeSeconds: number;
  /** AuthorizationCodeExpiredTime as a unix time or as seconds (UNCONFIRMED 3). */
  authCodeExpiredTimeFormat: 'timestamp' | 'seconds';
  /** Accept auth_type 4, 5, 6, 8 (UNCONFIRMED 2). */
  acceptExtendedAuthTypes: boolean;
  /** Errcode for a component token on an authorizer API (UNCONFIRMED 12: 40001 or 61015). */
  componentTokenOnAuthorizerApiErrcode: number;
  /** Token class of the new get/set_authorizer_option paths (UNCONFIRMED 4). */
  authorizerOptionNewPathToken: 'component' | 'authorizer' | 'either';
  /** queryquota accepts POST too (UNCONFIRMED 11). */
  queryquotaAcceptsPost: boolean;
  /** Include `rid` in the errmsg of successful responses as well. */
  ridOnSuccess: boolean;
  audit: AuditConfig;
  privacyScanSeconds: number;
  quota: QuotaConfig;
  /** Platform-level server domains modify_domain may use; null = any (the simulator cannot know yours). */
  platformServerDomains: string[] | null;
  /** Platform-level web-view (business) domains for setwebviewdomain. */
  platformWebviewDomains: string[];
  domainsPerType: number;
  /** 200 on the current page; the cap of the _directly path is not stated (UNCONFIRMED 9). */
  webviewDomainLimit: number;
  /** Release-time merge of mp / third / direct domains (UNCONFIRMED 25, 05 E26). */
  domainReleaseMerge: 'third_and_direct' | 'third_only';
  domainChangesPerMonth: number;
  /** UNCONFIRMED 13. */
  testerLimit: number;
  fastRegistration: FastRegistrationConfig;
  nicknameAuditSeconds: number;
  privacyInterfaces: PrivacyInterfaceConfig;
  categories: CategoryConfig;
  basicInfo: BasicInfoConfig;
  icp: IcpConfig;
  jscode: JscodeConfig;
  /** Template APIs that answer 48001 (some platforms may only add drafts to the library on WeChat's web page). */
  templatesUnauthorized: 'none' | 'addtotemplate' | 'all';
  latencyMs: number;
  callLogSize: number;
  pushLogSize: number;
}

export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends unknown[] | null ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};
export type SimulatorConfigInput = DeepPartial<SimulatorConfig>;
