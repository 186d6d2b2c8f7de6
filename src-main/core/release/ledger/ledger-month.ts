import type { Infer } from '../../platform/aggregate/schema.js';
import { s } from '../../platform/aggregate/schema.js';

export const LEDGER_KINDS = [
  'commit',
  'submit_audit',
  'audit_passed',
  'audit_rejected',
  'audit_delayed',
  'withdraw',
  'speedup',
  'release',
  'gray_release',
  'revert_gray',
  'revert',
  'visit_status',
  'reconciled',
  'merchant_setting',
] as const;

export const storedEntrySchema = s.object({
  id: s.string(),
  /** Global order of recording (ties of `at` are broken by it). */
  seq: s.number(),
  appid: s.string(),
  at: s.string(),
  kind: s.literal(LEDGER_KINDS, 'commit'),
  templateId: s.nullable(s.number()),
  userVersion: s.nullable(s.string()),
  extJsonHash: s.nullable(s.string()),
  auditId: s.nullable(s.number()),
  reason: s.nullable(s.string()),
  screenshots: s.array(s.string()),
  jobId: s.nullable(s.string()),
  detail: s.nullable(s.string()),
  /** For `reconciled`: which of our versions WeChat corrected. */
  side: s.nullable(s.literal(['experience', 'online'] as const, 'online')),
});

export type StoredEntry = Infer<typeof storedEntrySchema>;

/** The ledger keeps one log file per calendar month (UTC). */
export const monthOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);
