import type { AggregateDef } from '../store/aggregate-def.js';
import { defineAggregate } from '../store/aggregate-def.js';
import type { Infer } from '../store/schema.js';
import { s } from '../store/schema.js';

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

export const ledgerMonthSchema = s.object({
  entries: s.array(storedEntrySchema),
  /** ext_json texts sent with commits, by sha256 (shared by identical commits). */
  extJson: s.record(s.string()),
});

export type LedgerMonth = Infer<typeof ledgerMonthSchema>;

/** One aggregate file per calendar month (UTC): appends rewrite only the current month. */
export function ledgerMonthAggregate(month: string): AggregateDef<LedgerMonth> {
  return defineAggregate({ name: `ledger-${month}`, version: 1, schema: ledgerMonthSchema, migrations: [] });
}

export const monthOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);
