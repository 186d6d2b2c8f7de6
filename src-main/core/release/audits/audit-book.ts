import type { EmitEvent } from '@contract/handlers';
import type { AuditRow } from '@contract/release';
import type { Clock } from '../../platform/clock/clock.js';
import type { LedgerRecorder } from '../ledger/ledger-recorder.js';
import { sanitizeReason } from '../ledger/sanitize-html.js';
import type { AuditRecord, Release } from '../../platform/store/release-aggregate.js';
import type { LiveAggregate } from '../../platform/aggregate/write-behind.js';
import { ledgerEntry } from '../ledger/ledger-entry.js';
import type { Store } from '../../platform/store/store.js';

/** An audit status as WeChat reports it (push or get_*auditstatus): 0 passed, 1 rejected, 2 auditing, 3 withdrawn, 4 delayed. */
export interface AuditResult {
  status: number;
  reason: string;
  screenshots: string[];
  auditId?: number | null;
}

export interface AuditBookDeps {
  store: Pick<Store, 'release' | 'authorizers'>;
  /** The release aggregate, written behind (shared with the job engine). */
  live: LiveAggregate<Release>;
  ledger: LedgerRecorder;
  emit: EmitEvent;
  clock: Clock;
}

const STATE_OF: Record<number, AuditRecord['state'] | undefined> = {
  0: 'passed',
  1: 'rejected',
  2: 'auditing',
  3: 'withdrawn',
  4: 'delayed',
};

export function splitScreenshots(value: string | undefined): string[] {
  return (value ?? '').split('|').filter((s) => s.length > 0);
}

/** The latest audit of every mini-program: one place that records results in the ledger once and tells the UI. */
export class AuditBook {
  private readonly listeners: ((appid: string, record: AuditRecord) => void)[] = [];
  private readonly settling = new Map<string, Promise<AuditRecord | null>>();

  constructor(private readonly deps: AuditBookDeps) {}

  onResolved(listener: (appid: string, record: AuditRecord) => void): void {
    this.listeners.push(listener);
  }

  record(appid: string): AuditRecord | null {
    return this.deps.store.release.data.audits[appid] ?? null;
  }

  row(appid: string): AuditRow | null {
    const r = this.record(appid);
    if (!r) return null;
    return {
      appid,
      nickname: this.deps.store.authorizers.data.byAppid[appid]?.nickname ?? '',
      state: r.state,
      auditId: r.auditId,
      userVersion: r.userVersion,
      templateId: r.templateId,
      submittedAt: r.submittedAt === null ? null : new Date(r.submittedAt).toISOString(),
      reason: r.reason,
      screenshots: [...r.screenshots],
    };
  }

  rows(): AuditRow[] {
    return Object.keys(this.deps.store.release.data.audits).flatMap((appid) => this.row(appid) ?? []);
  }

  async submitted(
    appid: string,
    fields: { auditId: number; userVersion: string; templateId: number | null; jobId: string | null },
  ): Promise<void> {
    const now = this.deps.clock.now();
    // Not awaited: a lost write is recovered from get_latest_auditstatus when the job resumes.
    void this.deps.live
      .mutate((d) => {
        d.audits[appid] = {
          appid,
          state: 'auditing',
          ...fields,
          submittedAt: now,
          reason: null,
          screenshots: [],
          updatedAt: now,
        };
      })
      .catch(() => undefined); // the job's own writes to this file report a failing disk
    this.changed(appid);
  }

  /** Applies a result; records the ledger and notifies only when the state really changes. */
  resolved(appid: string, result: AuditResult): Promise<AuditRecord | null> {
    // One at a time per mini-program, so a push and a poll of the same result record it once.
    const previous = this.settling.get(appid) ?? Promise.resolve(null);
    const next = previous.catch(() => null).then(() => this.apply(appid, result));
    this.settling.set(appid, next);
    const done = (): void => {
      if (this.settling.get(appid) === next) this.settling.delete(appid);
    };
    next.then(done, done);
    return next;
  }

  private async apply(appid: string, result: AuditResult): Promise<AuditRecord | null> {
    const state = STATE_OF[result.status];
    const current = this.record(appid);
    if (!state || !current) return current;
    if (
      result.auditId !== undefined &&
      result.auditId !== null &&
      current.auditId !== null &&
      result.auditId !== current.auditId
    )
      return current;
    if (current.state === state) return current;
    const reason = state === 'passed' || !result.reason ? null : sanitizeReason(result.reason);
    const screenshots = state === 'rejected' ? result.screenshots : [];
    const kind = { passed: 'audit_passed', rejected: 'audit_rejected', delayed: 'audit_delayed' } as const;
    // Ledger before the state shows: whatever the result lets the job do next (release) is recorded after it.
    if (state === 'passed' || state === 'rejected' || state === 'delayed') {
      await this.deps.ledger.record(
        ledgerEntry(appid, kind[state], {
          templateId: current.templateId,
          userVersion: current.userVersion,
          auditId: current.auditId,
          reason,
          screenshots,
          jobId: current.jobId,
        }),
      );
    }
    const now = this.deps.clock.now();
    await this.deps.live.mutate((d) => {
      const r = d.audits[appid];
      if (!r) return;
      r.state = state;
      r.reason = reason;
      r.screenshots = screenshots;
      r.updatedAt = now;
    });
    const updated = this.record(appid) ?? current;
    this.changed(appid);
    if (state === 'passed' || state === 'rejected') {
      const name = this.deps.store.authorizers.data.byAppid[appid]?.nickname || appid;
      this.deps.emit('app:notice', {
        kind: state === 'passed' ? 'audit_passed' : 'audit_rejected',
        message:
          state === 'passed'
            ? `${name}: version ${updated.userVersion ?? ''} passed the audit.`
            : `${name}: version ${updated.userVersion ?? ''} was rejected by the audit.`,
        appid,
        ...(updated.jobId ? { jobId: updated.jobId } : {}),
      });
    }
    for (const l of this.listeners) l(appid, updated);
    return updated;
  }

  private changed(appid: string): void {
    const row = this.row(appid);
    if (row) this.deps.emit('audits:changed', row);
  }
}
