import type { Logger } from '../../platform/log/logger.js';
import type { ReleaseApi } from '../release-api.js';
import type { JobRecord } from '../../platform/store/release-aggregate.js';

/** Thrown when a job may not spend another audit: the job pauses instead of failing the item. */
export class PauseSignal extends Error {
  override readonly name = 'PauseSignal';
  constructor(
    readonly kind: 'quota' | 'budget',
    message: string,
  ) {
    super(message);
  }
}

export const QUOTA_EXHAUSTED =
  "The platform's monthly audit quota is used up (85085, queryquota rest = 0): WeChat refuses new submissions " +
  'until next month or until more quota is granted (request it in the 小程序服务商助手 mini-program). The job ' +
  'resumes by itself when queryquota shows quota again.';

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
      throw new PauseSignal(
        'budget',
        `The job spent the ${budget} audits you agreed to; the remaining mini-programs need your consent to spend more.`,
      );
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
