/** Timings and limits of the release pipeline and its jobs; every one is a setting so tests can run in seconds. */
export interface ReleaseSettings {
  /** Items worked on at once when the job spec gives no concurrency. */
  concurrency: number;
  maxConcurrency: number;
  /** Token bucket per endpoint: calls per second and burst. */
  rate: { perSecond: number; burst: number };
  rateByEndpoint: Partial<Record<string, { perSecond: number; burst: number }>>;
  /** 61039: how long to wait before asking about the privacy scan again (WeChat: about a minute). */
  scanPollMs: number;
  /** Poll get_latest_auditstatus when no push arrived this long after submission (and then at this interval). */
  auditPollMs: number;
  /** Job-level retries of transient failures (the client already retried idempotent calls). */
  retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  /** 45011: WeChat asks for at least a minute. */
  rateLimitedDelayMs: number;
  /** Stop-the-line applies only once this many items finished. */
  stopTheLineMinFinished: number;
  stopTheLineDefault: number;
  /** While paused for the audit quota, look at queryquota this often and resume when it is back. */
  quotaPollMs: number;
  /** Build submit_audit's item_list from get_category/get_page (else let WeChat use the configured categories). */
  buildItemList: boolean;
  progressThrottleMs: number;
}

export const DEFAULT_RELEASE_SETTINGS: ReleaseSettings = {
  concurrency: 8,
  maxConcurrency: 32,
  rate: { perSecond: 100, burst: 32 },
  rateByEndpoint: {},
  scanPollMs: 60_000,
  auditPollMs: 30 * 60_000,
  retry: { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 60_000 },
  rateLimitedDelayMs: 61_000,
  stopTheLineMinFinished: 5,
  stopTheLineDefault: 0.2,
  quotaPollMs: 5 * 60_000,
  buildItemList: true,
  progressThrottleMs: 250,
};

export function releaseSettings(partial: Partial<ReleaseSettings> = {}): ReleaseSettings {
  return { ...DEFAULT_RELEASE_SETTINGS, ...partial };
}
