import { defineAggregate } from '../aggregate/aggregate-def.js';
import type { Infer } from '../aggregate/schema.js';
import { s } from '../aggregate/schema.js';

export const ITEM_STATES = [
  'pending',
  'committing',
  'committed',
  'scanning',
  'submitting',
  'auditing',
  'passed',
  'rejected',
  'withdrawn',
  'releasing',
  'released',
  'failed',
  'cancelled',
  'skipped',
] as const;

export const JOB_STATUSES = ['queued', 'running', 'paused', 'waiting_canary', 'finished', 'cancelled'] as const;
export const PAUSE_KINDS = ['none', 'manual', 'quota', 'budget', 'stop_the_line', 'canary'] as const;
export const AUDIT_STATES = ['auditing', 'delayed', 'passed', 'rejected', 'withdrawn', 'released'] as const;

const itemErrorSchema = s.object({ errcode: s.nullable(s.number()), message: s.string(), fix: s.string() });

export const jobItemSchema = s.object({
  appid: s.string(),
  state: s.literal(ITEM_STATES, 'pending'),
  /** 0: canary wave, 1: the rest. */
  wave: s.number(),
  attempts: s.number(),
  error: s.nullable(itemErrorSchema),
  extJsonHash: s.nullable(s.string()),
  auditId: s.nullable(s.number()),
  /** Set (durably) just before a commit is sent: after a crash, WeChat is asked whether it arrived. */
  commitSentAt: s.nullable(s.number()),
  /** Same for submit_audit and release. */
  submitSentAt: s.nullable(s.number()),
  releaseSentAt: s.nullable(s.number()),
  /** The state a failed item failed in, where retry-failed picks it up again. */
  failedFrom: s.nullable(s.literal(ITEM_STATES, 'pending')),
  /** Earliest time (ms) the item's next step may run: backoff, privacy scan, audit polling. */
  nextAt: s.number(),
  updatedAt: s.number(),
  /** A retry after a rejection: sent as submit_audit's feedback_info (WeChat honours it only after a rejection). */
  feedbackInfo: s.optional(s.nullable(s.string())),
  /** Why the item was skipped (the version already runs there): a reason code. */
  skipReason: s.optional(s.nullable(s.string())),
});

export const jobSpecSchema = s.object({
  templateId: s.number(),
  appids: s.array(s.string()),
  userVersion: s.string(),
  userDesc: s.string(),
  canary: s.number(),
  autoRelease: s.boolean(),
  concurrency: s.nullable(s.number()),
  stopTheLine: s.nullable(s.number()),
  auditBudget: s.nullable(s.number()),
  /** Deploy even to mini-programs that already run this template and version. */
  force: s.optional(s.boolean()),
});

export const jobRecordSchema = s.object({
  id: s.string(),
  spec: jobSpecSchema,
  status: s.literal(JOB_STATUSES, 'queued'),
  pauseKind: s.literal(PAUSE_KINDS, 'none'),
  pauseReason: s.nullable(s.string()),
  auditsSpent: s.number(),
  /** The user resumed after a canary failure: the rest may go ahead anyway. */
  canaryAccepted: s.boolean(),
  /** Failures and finished items when the user last resumed after stop-the-line (only newer ones count). */
  ackFailed: s.number(),
  ackFinished: s.number(),
  createdAt: s.number(),
  updatedAt: s.number(),
  items: s.record(jobItemSchema),
});

export const withdrawCounterSchema = s.object({
  day: s.string(),
  dayCount: s.number(),
  month: s.string(),
  monthCount: s.number(),
});

export const auditRecordSchema = s.object({
  appid: s.string(),
  state: s.literal(AUDIT_STATES, 'auditing'),
  auditId: s.nullable(s.number()),
  userVersion: s.nullable(s.string()),
  templateId: s.nullable(s.number()),
  submittedAt: s.nullable(s.number()),
  reason: s.nullable(s.string()),
  screenshots: s.array(s.string()),
  jobId: s.nullable(s.string()),
  updatedAt: s.number(),
});

export const releaseSchema = s.object({
  jobs: s.record(jobRecordSchema),
  /** Latest audit per mini-program. */
  audits: s.record(auditRecordSchema),
  /** undocodeaudit use per mini-program (5/day, 10/month). */
  withdrawals: s.record(withdrawCounterSchema),
});

export type ItemRecord = Infer<typeof jobItemSchema>;
export type JobRecord = Infer<typeof jobRecordSchema>;
export type JobSpecRecord = Infer<typeof jobSpecSchema>;
export type AuditRecord = Infer<typeof auditRecordSchema>;
export type WithdrawCounter = Infer<typeof withdrawCounterSchema>;
export type Release = Infer<typeof releaseSchema>;
export type PauseKind = (typeof PAUSE_KINDS)[number];

/** Jobs, their per-item state machines, the latest audit per mini-program and withdrawal counters. */
export const releaseAggregate = defineAggregate({ name: 'release', version: 1, schema: releaseSchema, migrations: [] });
