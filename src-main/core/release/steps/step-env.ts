import type { SubmitProfile } from '@contract/release';
import type { Clock } from '../../platform/clock/clock.js';
import type { LedgerEntryInput, LedgerRecorder } from '../ledger/ledger-recorder.js';
import type { Logger } from '../../platform/log/logger.js';
import type { AuditBook } from '../audits/audit-book.js';
import type { ItemRecord, JobSpecRecord } from '../../platform/store/release-aggregate.js';
import type { ExtJsonRenderer, ReleaseApi } from '../release-api.js';
import type { ReleaseSettings } from '../release-settings.js';

/** What every pipeline step may use. `call` passes the endpoint's rate limit before running `fn`. */
export interface StepEnv {
  api: ReleaseApi;
  ledger: LedgerRecorder;
  renderExtJson: ExtJsonRenderer;
  audits: AuditBook;
  clock: Clock;
  logger: Logger;
  settings: ReleaseSettings;
  /** The submit profile of a template for one mini-program (its own over the template's); none: WeChat's defaults. */
  submitProfile?: (templateId: number, appid: string) => SubmitProfile;
  call<T>(endpoint: keyof ReleaseApi, fn: () => Promise<T>): Promise<T>;
  /**
   * Starts a ledger write beside the pipeline and returns at once; the job waits for it before it reports itself
   * finished. The ledger can lag the store after a crash: steps that find their call already on WeChat record it then.
   */
  record(entry: LedgerEntryInput): void;
}

export type ItemPatch = Partial<Omit<ItemRecord, 'appid'>>;

/** One item of one job, as a step sees it. */
export interface StepInput {
  jobId: string;
  spec: JobSpecRecord;
  item: Readonly<ItemRecord>;
  /**
   * Notes a "sent at" marker before a non-idempotent call, and returns without waiting for the disk. What is durable
   * before the call is therefore only the job itself (written before its loop starts). After a crash `markUncertain`
   * treats every unfinished step as possibly sent since the job began, and the step asks WeChat (getversioninfo,
   * get_latest_auditstatus) before it sends a commit, a submission or a release again.
   */
  recordIntent(patch: ItemPatch): void;
  /** Takes one audit of the quota and of the job's budget; throws `PauseSignal` when there is none left. */
  reserveAudit(): void;
  /** Gives back a reserved audit that was not spent (the submission never reached WeChat). */
  refundAudit(): void;
}

/** Clock skew and WeChat's second-resolution times allowed when matching "did my request arrive". */
export const ARRIVAL_SKEW_MS = 10 * 60_000;
