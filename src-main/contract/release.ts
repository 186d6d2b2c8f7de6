/** Templates, ext_json, the per-mini-program pipeline, audits, jobs and the version ledger. */
import type { Coded } from './codes';
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
  | 'reconciled';

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
  status: number;
  percentage: number;
  createTimestamp: number;
}
