import { coded } from '../../../contract/codes.js';
import { CodedError } from '../../../contract/result.js';
import type { AuditQuotaView, AuditRow } from '@contract/release';
import type { Clock } from '../../platform/clock/clock.js';
import type { LedgerRecorder } from '../ledger/ledger-recorder.js';
import type { QuotaGuard } from './quota-guard.js';
import type { ReleaseApi } from '../release-api.js';
import { ledgerEntry } from '../ledger/ledger-entry.js';
import type { Store } from '../../platform/store/store.js';
import { WeChatError } from '../../wechat/client/wechat-error.js';
import type { AuditBook } from './audit-book.js';
import { splitScreenshots } from './audit-book.js';
import { countWithdrawal, withdrawAllowance, withdrawRefusal } from './withdraw-limits.js';

export interface AuditServiceDeps {
  api: ReleaseApi;
  store: Pick<Store, 'release' | 'authorizers'>;
  ledger: LedgerRecorder;
  audits: AuditBook;
  quota: QuotaGuard;
  clock: Clock;
  /** Told when a mini-program was released by hand, so a job item waiting in `passed` can follow. */
  onReleased(appid: string): void;
  /** Told after a refresh, so a job item still `auditing` follows a final status the book already had. */
  onRefreshed(appid: string): void;
}

/** The single-app audit operations behind `audits:*`. */
export class AuditService {
  constructor(private readonly deps: AuditServiceDeps) {}

  list(): AuditRow[] {
    return this.deps.audits.rows();
  }

  async quota(): Promise<AuditQuotaView> {
    const any = Object.values(this.deps.store.authorizers.data.byAppid).find((a) => a.status === 'authorized');
    if (!any) throw new CodedError('not_configured', coded('no_authorized_mini_program'));
    await this.deps.quota.refresh(any.appid);
    const q = this.deps.quota;
    return {
      remaining: q.rest ?? 0,
      limit: q.limit ?? 0,
      speedupRemaining: q.speedupRest ?? 0,
      speedupLimit: q.speedupLimit ?? 0,
    };
  }

  async refresh(appid: string): Promise<AuditRow> {
    let latest;
    try {
      latest = await this.deps.api.getLatestAuditStatus(appid);
    } catch (err) {
      if (err instanceof WeChatError && err.errcode === 85058)
        throw new CodedError('invalid_argument', coded('audit_never_submitted', { appid }));
      throw err;
    }
    const known = this.deps.audits.record(appid);
    if (!known || known.auditId !== latest.auditid) {
      this.deps.audits.submitted(appid, {
        auditId: latest.auditid,
        userVersion: latest.user_version,
        templateId: null,
        jobId: null,
      });
    }
    const screenshots = splitScreenshots(latest.ScreenShot ?? latest.screenshot);
    await this.deps.audits.resolved(appid, {
      status: latest.status,
      reason: latest.reason ?? '',
      screenshots,
      auditId: latest.auditid,
    });
    this.deps.onRefreshed(appid);
    return this.rowOf(appid);
  }

  /** undocodeaudit, refused here once the 5/day or 10/month allowance is used. */
  async withdraw(appid: string): Promise<AuditRow> {
    const { clock, store } = this.deps;
    const refusal = withdrawRefusal(store.release.data.withdrawals[appid], clock.now());
    if (refusal) throw new CodedError('invalid_argument', refusal);
    try {
      await this.deps.api.undoCodeAudit(appid);
    } catch (err) {
      if (err instanceof WeChatError && err.errcode === 87013) {
        await store.release.update((d) => {
          d.withdrawals[appid] = countWithdrawal(d.withdrawals[appid], clock.now(), true);
        });
      }
      throw err;
    }
    await store.release.update((d) => {
      d.withdrawals[appid] = countWithdrawal(d.withdrawals[appid], clock.now());
    });
    const left = withdrawAllowance(store.release.data.withdrawals[appid], clock.now());
    const r = this.deps.audits.record(appid);
    await this.deps.ledger.record(
      ledgerEntry(appid, 'withdraw', {
        auditId: r?.auditId ?? null,
        userVersion: r?.userVersion ?? null,
        templateId: r?.templateId ?? null,
        jobId: r?.jobId ?? null,
        detail: coded('ledger_withdrawals_left', { day: left.dayLeft, month: left.monthLeft }),
      }),
    );
    if (r) await this.deps.audits.resolved(appid, { status: 3, reason: '', screenshots: [] });
    return this.rowOf(appid);
  }

  async speedup(appid: string): Promise<AuditRow> {
    const r = this.deps.audits.record(appid);
    if (!r || r.auditId === null || (r.state !== 'auditing' && r.state !== 'delayed'))
      throw new CodedError('invalid_argument', coded('audit_not_under_review', { appid }));
    await this.deps.quota.refresh(appid);
    if (this.deps.quota.speedupRest === 0)
      throw new CodedError('invalid_argument', coded('speedup_allowance_used', {}, 89405));
    await this.deps.api.speedupAudit(appid, { auditid: r.auditId });
    await this.deps.ledger.record(
      ledgerEntry(appid, 'speedup', {
        auditId: r.auditId,
        userVersion: r.userVersion,
        templateId: r.templateId,
        jobId: r.jobId,
      }),
    );
    return this.rowOf(appid);
  }

  async release(appid: string): Promise<AuditRow> {
    const r = this.deps.audits.record(appid);
    if (!r || r.state !== 'passed') throw new CodedError('invalid_argument', coded('audit_not_passed', { appid }));
    await this.deps.api.release(appid);
    await this.deps.ledger.record(
      ledgerEntry(appid, 'release', {
        auditId: r.auditId,
        userVersion: r.userVersion,
        templateId: r.templateId,
        jobId: r.jobId,
        detail: coded('ledger_by_hand'),
      }),
    );
    this.deps.audits.released(appid);
    this.deps.onReleased(appid);
    return this.rowOf(appid);
  }

  /** A rejection screenshot as a data: URL; only media ids of the mini-program's own rejection are fetched. */
  async screenshot(appid: string, mediaId: string): Promise<string> {
    const r = this.deps.audits.record(appid);
    if (!r || !r.screenshots.includes(mediaId))
      throw new CodedError('invalid_argument', coded('screenshot_not_of_audit', { appid }));
    const img = await this.deps.api.getMaterial(appid, { media_id: mediaId });
    return `data:${img.contentType || 'image/jpeg'};base64,${Buffer.from(img.data).toString('base64')}`;
  }

  private rowOf(appid: string): AuditRow {
    const row = this.deps.audits.row(appid);
    if (!row) throw new CodedError('invalid_argument', coded('audit_unknown', { appid }));
    return row;
  }
}
