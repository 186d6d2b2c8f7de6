/** Templates, ext_json, the per-mini-program pipeline, audits, jobs and the version ledger. */
import type { HeldOutView } from './readiness';

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
  /** Lines changed against what the mini-program runs now, unified-diff style. */
  diff: string[];
}

export interface ExtJsonConfig {
  templateId: number;
  /** A JSON text with `{{appid}}` and `{{variable}}` placeholders. */
  base: string;
  /** Per-appid variables and a per-appid override JSON merged on top of the rendered base. */
  merchants: Record<string, { variables: Record<string, string>; override?: string }>;
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
  detail: string | null;
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
  | 'cancelled';

export type JobStatus = 'queued' | 'running' | 'paused' | 'waiting_canary' | 'finished' | 'cancelled';

export interface DeployJobSpec {
  templateId: number;
  appids: string[];
  userVersion: string;
  userDesc: string;
  /** Mini-programs in the first wave; the rest start after all of them pass. 0 for no canary. */
  canary: number;
  autoRelease: boolean;
  concurrency?: number;
  /** Pause when this share (0–1) of finished items failed. */
  stopTheLine?: number;
  /** The user agreed to spend this many audits of the monthly quota. */
  auditBudget?: number;
  /**
   * Check readiness first and leave out the mini-programs that would fail audit (or release, with `autoRelease`);
   * the job lists them under `heldOut`. The console's deploy dialog always sets it.
   */
  preflight?: boolean;
}

export interface JobItemView {
  appid: string;
  nickname: string;
  state: ItemState;
  attempts: number;
  error: { errcode?: number; message: string; fix?: string } | null;
  updatedAt: string;
}

export interface JobView {
  id: string;
  kind: 'deploy';
  spec: DeployJobSpec;
  status: JobStatus;
  /** Why the job paused (85085, stop-the-line, by hand), in the UI language. */
  pauseReason: string | null;
  createdAt: string;
  updatedAt: string;
  counts: Partial<Record<ItemState, number>>;
  total: number;
  /** Mini-programs the pre-flight left out of the job (not ready), with why. */
  heldOut?: HeldOutView[];
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
  state: 'auditing' | 'delayed' | 'passed' | 'rejected' | 'withdrawn';
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
