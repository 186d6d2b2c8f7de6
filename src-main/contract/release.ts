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

export type { ExtJsonConfig } from './schemas';

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
  | 'cancelled';

export type JobStatus = 'queued' | 'running' | 'paused' | 'waiting_canary' | 'finished' | 'cancelled';

export type { DeployJobSpec } from './schemas';

export interface JobItemView {
  appid: string;
  nickname: string;
  state: ItemState;
  attempts: number;
  /** What failed; the renderer adds the fix (errcode catalogue, or the code's own fix text). */
  error: Coded | null;
  updatedAt: string;
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
