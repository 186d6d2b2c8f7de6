import { coded } from '../../../contract/codes.js';
import type { EmitEvent } from '@contract/handlers';
import type { AuditRow } from '@contract/release';
import type { Clock } from '../../platform/clock/clock.js';
import type { LedgerRecorder } from '../ledger/ledger-recorder.js';
import { sanitizeReason } from '../ledger/sanitize-html.js';
import type { AuditRecord } from '../../platform/store/release-aggregate.js';
import type { TaskGroup } from '../../platform/tasks/task-group.js';
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
  /** `release.audits` is written with grouped durability, like the jobs beside it. */
  store: Pick<Store, 'release' | 'authorizers'>;
  tasks: TaskGroup;
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

  /**
   * Notes a submission WeChat accepted. Not awaited: a write lost in a crash is recovered from
   * get_latest_auditstatus when the job resumes (its item still says `submitting` with a sent-at marker).
   */
  submitted(
    appid: string,
    fields: { auditId: number; userVersion: string; templateId: number | null; jobId: string | null },
  ): void {
    const now = this.deps.clock.now();
    const written = this.deps.store.release.update(
      (d) => {
        d.audits[appid] = {
          appid,
          state: 'auditing',
          ...fields,
          submittedAt: now,
          reason: null,
          screenshots: [],
          updatedAt: now,
        };
      },
      { durability: 'grouped' },
    );
    this.deps.tasks.track('audit book write failed', written, { appid });
    this.changed(appid);
  }

  /** A passed version went online: it leaves the "passed" queue (a second release would be 85052). */
  released(appid: string): void {
    if (this.record(appid)?.state !== 'passed') return;
    const now = this.deps.clock.now();
    const written = this.deps.store.release.update(
      (d) => {
        const r = d.audits[appid];
        if (r?.state !== 'passed') return;
        r.state = 'released';
        r.updatedAt = now;
      },
      { durability: 'grouped' },
    );
    this.deps.tasks.track('audit book write failed', written, { appid });
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
    // A passed version that went online stays released: a later poll still reports it as passed.
    if (current.state === state || (current.state === 'released' && state === 'passed')) return current;
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
    await this.deps.store.release.update(
      (d) => {
        const r = d.audits[appid];
        if (!r) return;
        r.state = state;
        r.reason = reason;
        r.screenshots = screenshots;
        r.updatedAt = now;
      },
      { durability: 'grouped' },
    );
    const updated = this.record(appid) ?? current;
    this.changed(appid);
    if (state === 'passed' || state === 'rejected') {
      const name = this.deps.store.authorizers.data.byAppid[appid]?.nickname || appid;
      this.deps.emit('app:notice', {
        kind: state === 'passed' ? 'audit_passed' : 'audit_rejected',
        message: coded(state === 'passed' ? 'notice_audit_passed' : 'notice_audit_rejected', {
          name,
          version: updated.userVersion ?? '',
        }),
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
