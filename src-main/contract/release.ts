/** Templates, ext_json, the per-mini-program pipeline, audits, jobs and the version ledger. */
import type { Coded } from './codes';
import type { HeldOutView } from './readiness';
import type { DeployJobSpec } from './schemas';

export interface DraftView {
  draftId: number;
  userVersion: string;
  userDesc: string;
  createTime: number;
}

export interface TemplateView {
  templateId: number;
  userVersion: string;
  userDesc: string;
  createTime: number;
  isDefault: boolean;
  /** Appids whose online or in-flight version is this template. */
  usedBy: string[];
  /** addDraft found the draft already in the library and returned that template instead of adding a duplicate. */
  alreadyInLibrary?: boolean;
}

export interface TemplateLibraryView {
  drafts: DraftView[];
  templates: TemplateView[];
  defaultTemplateId: number | null;
  cap: number;
  nearCap: boolean;
}

export interface ExtJsonPreview {
  appid: string;
  /** The ext_json string that would be sent. */
  extJson: string;
  errors: string[];
  /** The same problems as codes (`extjson_*`) with their parameters, worded by the console. */
  problems?: { code: string; params: Record<string, string | number> }[];
  /** Lines changed against what the mini-program runs now, unified-diff style. */
  diff: string[];
}

export type { ExtJsonConfig, SubmitProfile, UgcDeclareInput } from './schemas';

/** What submit_audit would send for one mini-program, built from WeChat's get_category/get_page. */
export interface SubmitPreview {
  appid: string;
  /** The item_list entry, or null when it cannot be built. */
  item: {
    firstClass: string;
    secondClass: string;
    thirdClass?: string;
    address?: string;
    title?: string;
    tag?: string;
  } | null;
  /** Codes of what is wrong (`submit_*`), each with its parameters. */
  problems: { code: string; params: Record<string, string | number> }[];
  /** The categories and pages the mini-program offers, for choosing. */
  categories: { firstId: number; secondId: number; thirdId?: number; name: string }[];
  pages: string[];
}

export type LedgerKind =
  | 'commit'
  | 'submit_audit'
  | 'audit_passed'
  | 'audit_rejected'
  | 'audit_delayed'
  | 'withdraw'
  | 'speedup'
  | 'release'
  | 'gray_release'
  | 'revert_gray'
  | 'revert'
  | 'visit_status'
  | 'reconciled'
  /** A readiness fix written to WeChat (privacy guide, domains, category, basic info, testers); `detail` says what. */
  | 'merchant_setting';

export interface LedgerEntryView {
  id: string;
  appid: string;
  at: string;
  kind: LedgerKind;
  templateId: number | null;
  userVersion: string | null;
  extJsonHash: string | null;
  auditId: number | null;
  /** Sanitized HTML for rejections. */
  reason: string | null;
  /** Media ids of rejection screenshots; fetched with `audits:screenshot`. */
  screenshots: string[];
  jobId: string | null;
  detail: Coded | null;
}

export type ItemState =
  | 'pending'
  | 'committing'
  | 'committed'
  | 'scanning'
  | 'submitting'
  | 'auditing'
  | 'passed'
  | 'rejected'
  | 'withdrawn'
  | 'releasing'
  | 'released'
  | 'failed'
  | 'cancelled'
  | 'skipped';

export type JobStatus = 'queued' | 'running' | 'paused' | 'waiting_canary' | 'finished' | 'cancelled';

export type { DeployJobSpec, RetryOptions } from './schemas';

/** What "retry" does for an item: nothing, run the failed step again, commit again (ext_json changed), submit again. */
export type RetryAction = 'none' | 'resume' | 'recommit' | 'resubmit';

export interface JobItemView {
  appid: string;
  nickname: string;
  state: ItemState;
  attempts: number;
  /** What failed; the renderer adds the fix (errcode catalogue, or the code's own fix text). */
  error: Coded | null;
  updatedAt: string;
  /** A rejection's reason (sanitized HTML: text and `<br>` only). */
  reason?: string | null;
  /** Why the item was skipped, as a code (`skip_same_version`). */
  skipReason?: string | null;
  /** What retrying this item would do. */
  retry?: RetryAction;
}

export interface JobView {
  id: string;
  kind: 'deploy';
  spec: DeployJobSpec;
  status: JobStatus;
  /** Why the job paused (85085, stop-the-line, by hand). */
  pauseReason: Coded | null;
  createdAt: string;
  updatedAt: string;
  counts: Partial<Record<ItemState, number>>;
  total: number;
  /** Mini-programs the pre-flight left out of the job (not ready), with why. */
  heldOut?: HeldOutView[];
  /** Items a retry would act on (0: no retry to offer). */
  retryable?: number;
}

export interface JobDetail extends JobView {
  items: JobItemView[];
}

export interface AuditQuotaView {
  remaining: number;
  limit: number;
  speedupRemaining: number;
  speedupLimit: number;
}

export interface AuditRow {
  appid: string;
  nickname: string;
  state: 'auditing' | 'delayed' | 'passed' | 'rejected' | 'withdrawn' | 'released';
  auditId: number | null;
  userVersion: string | null;
  templateId: number | null;
  submittedAt: string | null;
  reason: string | null;
  screenshots: string[];
}

export interface GrayPlanView {
  /** 0 initial, 1 running, 2 paused, 3 finished, 4 deleted (05 E12). */
  status: number;
  percentage: number;
  createTimestamp: number;
  /** Project members (debuggers) / experience-version users get the new version first. */
  testersFirst: boolean;
  experiencersFirst: boolean;
}

/** A phased-release step: a share (0–100; 0 only with a flag) and who gets it first. */
export interface GrayOptions {
  percentage: number;
  testersFirst?: boolean;
  experiencersFirst?: boolean;
}

/** A version WeChat keeps for rollback (`get_history_version`). */
export interface HistoryVersionView {
  appVersion: number;
  userVersion: string;
  userDesc: string;
  commitTime: number;
}

/** What WeChat says now about a mini-program's service and phased release, and where it can roll back to. */
export interface VersionStateView {
  appid: string;
  service: 'open' | 'closed';
  /** The running phased release, or null. */
  gray: GrayPlanView | null;
  history: HistoryVersionView[];
}

/** One version action applied to many mini-programs, wave after wave. */
export type VersionAction = 'gray' | 'release' | 'revert_gray' | 'revert' | 'close' | 'open';

export interface VersionJobSpec {
  action: VersionAction;
  appids: string[];
  /** For `gray`. */
  gray?: GrayOptions;
  /** For `revert`: the app_version per mini-program; absent means the previous version. */
  appVersions?: Record<string, number>;
  /** Mini-programs per wave; the next wave starts when every item of this one succeeded. 0: one wave. */
  waveSize?: number;
}

export type VersionItemState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
export type VersionJobStatus = 'running' | 'paused' | 'finished' | 'cancelled';

export interface VersionJobItemView {
  appid: string;
  nickname: string;
  wave: number;
  state: VersionItemState;
  error: { errcode: number | null; reason: Coded } | null;
  updatedAt: string;
}

export interface VersionJobView {
  id: string;
  spec: VersionJobSpec;
  status: VersionJobStatus;
  /** A wave had failures: the next one waits for a retry or a cancel. */
  pausedAtWave: number | null;
  createdAt: string;
  updatedAt: string;
  counts: Partial<Record<VersionItemState, number>>;
  total: number;
  items: VersionJobItemView[];
}

/** One WeChat API call as staff may read it: never a token, secret or body. */
export interface CallLogRow {
  at: string;
  appid: string | null;
  endpoint: string;
  path: string;
  errcode: number | null;
  rid: string | null;
  ms: number;
}

/** One action a person took in the console. */
export interface OperationRow {
  at: string;
  user: string;
  desktop: string;
  channel: string;
  /** Appids, ids and numbers the action was about; never a secret. */
  target: string[];
  ok: boolean;
  errorCode: string | null;
  errcode: number | null;
}

export interface LogFilter {
  appid?: string;
  search?: string;
  /** Only failed calls / actions. */
  failedOnly?: boolean;
  limit?: number;
}
