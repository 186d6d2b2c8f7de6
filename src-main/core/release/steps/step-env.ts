import type { Clock } from '../../platform/clock/clock.js';
import type { LedgerEntryInput, LedgerRecorder } from '../ledger/ledger-recorder.js';
import type { Logger } from '../../platform/log/logger.js';
import type { AuditBook } from '../audits/audit-book.js';
import type { ItemRecord, JobSpecRecord } from '../../platform/store/release-aggregate.js';
import type { ExtJsonRenderer, ReleaseApi } from '../release-deps.js';
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
  call<T>(endpoint: keyof ReleaseApi, fn: () => Promise<T>): Promise<T>;
  /** Ledger writes run beside the pipeline; the job waits for them before it reports itself finished. */
  record(entry: LedgerEntryInput): Promise<void>;
}

export type ItemPatch = Partial<Omit<ItemRecord, 'appid'>>;

/** One item of one job, as a step sees it. */
export interface StepInput {
  jobId: string;
  spec: JobSpecRecord;
  item: Readonly<ItemRecord>;
  /** Durably writes the patch before the step goes on (intent before a non-idempotent call). */
  persist(patch: ItemPatch): Promise<void>;
  /** Takes one audit of the quota and of the job's budget; throws `PauseSignal` when there is none left. */
  reserveAudit(): void;
  /** Gives back a reserved audit that was not spent (the submission never reached WeChat). */
  refundAudit(): void;
}

/** Clock skew and WeChat's second-resolution times allowed when matching "did my request arrive". */
export const ARRIVAL_SKEW_MS = 10 * 60_000;
