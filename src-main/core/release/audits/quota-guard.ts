import { coded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';
import type { Logger } from '../../platform/log/logger.js';
import type { ReleaseApi } from '../release-api.js';
import type { JobRecord } from '../../platform/store/release-aggregate.js';

/** Thrown when a job may not spend another audit: the job pauses instead of failing the item. */
export class PauseSignal extends Error {
  override readonly name = 'PauseSignal';
  constructor(
    readonly kind: 'quota' | 'budget',
    readonly reason: Coded,
  ) {
    super(reason.code);
  }
}

export const QUOTA_EXHAUSTED: Coded = coded('pause_quota_exhausted', {}, 85085);

/**
 * The platform-wide monthly audit quota (queryquota), counted down locally between look-ups so a job plans within
 * it, and each job's audit budget (the user's consent to spend).
 */
export class QuotaGuard {
  rest: number | null = null;
  limit: number | null = null;
  speedupRest: number | null = null;
  speedupLimit: number | null = null;

  constructor(
    private readonly api: Pick<ReleaseApi, 'queryQuota'>,
    private readonly logger: Logger,
  ) {}

  async refresh(appid: string): Promise<void> {
    const q = await this.api.queryQuota(appid);
    this.rest = q.rest;
    this.limit = q.limit;
    this.speedupRest = q.speedup_rest;
    this.speedupLimit = q.speedup_limit;
  }

  async tryRefresh(appid: string | undefined): Promise<void> {
    if (!appid) return;
    await this.refresh(appid).catch((err: unknown) => this.logger.warn('queryquota failed', { error: err }));
  }

  /** Throws when the job may not spend another audit; otherwise counts it. `spend` persists the job's count. */
  reserve(job: JobRecord, spend: (delta: number) => void): void {
    const budget = job.spec.auditBudget;
    if (budget !== null && job.auditsSpent >= budget) {
      throw new PauseSignal('budget', coded('pause_budget_spent', { budget }));
    }
    if (this.rest !== null && this.rest <= 0) throw new PauseSignal('quota', QUOTA_EXHAUSTED);
    if (this.rest !== null) this.rest--;
    spend(1);
  }

  refund(spend: (delta: number) => void): void {
    if (this.rest !== null) this.rest++;
    spend(-1);
  }
}
