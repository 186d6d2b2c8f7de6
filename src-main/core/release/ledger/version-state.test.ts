import { describe, expect, it } from 'vitest';
import { computeDrift } from './drift.js';
import type { StoredEntry } from './ledger-month.js';
import { foldVersions } from './version-state.js';

let seq = 0;
const e = (kind: StoredEntry['kind'], extra: Partial<StoredEntry> = {}): StoredEntry => ({
  id: `le-${++seq}`,
  seq,
  appid: 'wxa',
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
  kind,
  templateId: null,
  userVersion: null,
  extJsonHash: null,
  auditId: null,
  reason: null,
  screenshots: [],
  jobId: null,
  detail: null,
  side: null,
  ...extra,
});

describe('foldVersions', () => {
  it('follows commit → audit → release → revert', () => {
    const log = [
      e('commit', { templateId: 1, userVersion: '1.0', extJsonHash: 'h1' }),
      e('submit_audit', { auditId: 10 }),
      e('audit_passed', { auditId: 10 }),
      e('release'),
      e('commit', { templateId: 2, userVersion: '2.0', extJsonHash: 'h2' }),
      e('submit_audit', { auditId: 11 }),
      e('audit_passed', { auditId: 11 }),
      e('gray_release', { detail: '10' }),
    ];
    const gray = foldVersions(log);
    expect(gray.online).toMatchObject({ templateId: 1, userVersion: '1.0', extJsonHash: 'h1' });
    expect(gray.gray).toMatchObject({ templateId: 2, userVersion: '2.0' });
    const released = foldVersions([...log, e('release')]);
    expect(released.online).toMatchObject({ templateId: 2, userVersion: '2.0' });
    expect(released.gray).toBeNull();
    const reverted = foldVersions([...log, e('release'), e('revert')]);
    expect(reverted.online).toMatchObject({ templateId: 1, userVersion: '1.0' });
    expect(reverted.history).toEqual([]);
  });

  it('tracks audits, withdrawals and visit status, and takes reconciled entries as the truth', () => {
    const st = foldVersions([
      e('commit', { templateId: 1, userVersion: '1.0' }),
      e('submit_audit', { auditId: 5 }),
      e('withdraw'),
      e('visit_status', { detail: 'close' }),
      e('reconciled', { side: 'online', userVersion: '0.9' }),
    ]);
    expect(st.audit).toEqual({ auditId: 5, state: 'withdrawn' });
    expect(st.visitOpen).toBe(false);
    expect(st.online).toMatchObject({ templateId: null, userVersion: '0.9' });
  });
});

describe('computeDrift', () => {
  it('names each mini-program off the target template or version, and why', () => {
    const entries: Record<string, StoredEntry[]> = {
      onTarget: [e('commit', { templateId: 7, userVersion: '3.0' }), e('release')],
      other: [e('commit', { templateId: 6, userVersion: '2.0' }), e('release')],
      oldVersion: [e('reconciled', { side: 'online', templateId: 7, userVersion: '2.9' })],
      unknown: [e('reconciled', { side: 'online', userVersion: '1.3.2' })],
      fresh: [],
    };
    const rows = computeDrift(Object.keys(entries), (a) => entries[a] ?? [], { templateId: 7, userVersion: '3.0' });
    expect(rows).toEqual([
      { appid: 'other', onlineTemplateId: 6, onlineUserVersion: '2.0', reason: 'other_template' },
      { appid: 'oldVersion', onlineTemplateId: 7, onlineUserVersion: '2.9', reason: 'old_version' },
      { appid: 'unknown', onlineTemplateId: null, onlineUserVersion: '1.3.2', reason: 'unknown_template' },
      { appid: 'fresh', onlineTemplateId: null, onlineUserVersion: null, reason: 'nothing_online' },
    ]);
  });
});
