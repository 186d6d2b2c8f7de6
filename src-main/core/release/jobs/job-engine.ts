import { CodedError } from '../../../contract/result.js';
import { coded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';
import { randomUUID } from 'node:crypto';
import type { EmitEvent } from '@contract/handlers';
import type { DeployJobSpec, JobDetail, JobStatus, JobView, RetryOptions, SubmitProfile } from '@contract/release';
import type { AuditBook } from '../audits/audit-book.js';
import type { Clock, TimerHandle } from '../../platform/clock/clock.js';
import type { LedgerRecorder } from '../ledger/ledger-recorder.js';
import type { Logger } from '../../platform/log/logger.js';
import type { ExtJsonRenderer, ReleaseApi } from '../release-api.js';
import type { ReleaseSettings } from '../release-settings.js';
import { auditOutcome } from '../steps/audit-step.js';
import { isActive } from '../steps/run-step.js';
import type { ItemPatch } from '../steps/step-env.js';
import type { Store } from '../../platform/store/store.js';
import type { ItemRunHost } from './job-item-run.js';
import { runJobItem } from './job-item-run.js';
import { cancelJob, pauseJob, resumeJob, retryItems, skipRunning } from './job-transitions.js';
import { retryAction } from './job-retry.js';
import type { RetryPlan } from './job-retry.js';
import { feedbackProblems } from '../submit/submit-profile.js';
import { markUncertain } from './job-recovery.js';
import { planJob } from './job-policy.js';
import { newJobRecord, validateSpec } from './job-spec.js';
import { jobDetail, jobView } from './job-views.js';
import { makeStepEnv } from './make-step-env.js';
import type { QuotaGuard } from '../audits/quota-guard.js';
import type { JobRecord, PauseKind } from '../../platform/store/release-aggregate.js';
import type { TaskGroup } from '../../platform/tasks/task-group.js';
import { KeyedTimers, Throttle } from './job-timers.js';

export interface JobEngineDeps {
  /** `release` is written with grouped durability (a job changes it thousands of times a second). */
  store: Pick<Store, 'release' | 'authorizers'>;
  /** Owns the loops, steps and writes that run beside the calls; `stop` leaves them to drain there. */
  tasks: TaskGroup;
  api: ReleaseApi;
  ledger: LedgerRecorder;
  renderExtJson: ExtJsonRenderer;
  /** The submit profile of a template for one mini-program (core/release/extjson). */
  submitProfile?: (templateId: number, appid: string) => SubmitProfile;
  /** The version a mini-program runs now (ledger): a deploy of the same one is skipped unless forced. */
  runningVersion?: (appid: string) => { templateId: number | null; userVersion: string | null } | null;
  audits: AuditBook;
  quota: QuotaGuard;
  clock: Clock;
  logger: Logger;
  emit: EmitEvent;
  settings: ReleaseSettings;
  random: () => number;
  newId?: () => string;
}

const RUNNABLE: readonly JobStatus[] = ['running', 'waiting_canary', 'queued'];
const GROUPED = { durability: 'grouped' } as const;

interface Runner {
  inflight: Set<string>;
  looping: boolean;
  dirty: boolean;
  wake: (() => void) | null;
  timer: TimerHandle | null;
}

/** Durable deploy jobs: bounded concurrency, per-endpoint rate limits, waves, stop-the-line, quota, resume. */
export class JobEngine {
  private readonly runners = new Map<string, Runner>();
  /** Ledger writes in flight: a job reports itself finished only once they are durable. */
  private readonly records = new Set<Promise<void>>();
  private readonly quotaTimers: KeyedTimers;
  private readonly progress: Throttle;
  private readonly itemHost: ItemRunHost;
  private stopped = false;

  constructor(private readonly deps: JobEngineDeps) {
    const { settings } = deps;
    this.quotaTimers = new KeyedTimers(deps.clock);
    this.progress = new Throttle(deps.clock, settings.progressThrottleMs, (id) => {
      const job = this.data.jobs[id];
      if (job) deps.emit('jobs:progress', jobView(job));
    });
    this.itemHost = {
      ...deps,
      env: makeStepEnv(deps, (written) => {
        this.records.add(written);
        deps.tasks.track(
          'ledger write',
          written.finally(() => this.records.delete(written)),
        );
      }),
      job: (id) => this.must(id),
      setJob: (id, fn) => this.setJob(id, fn),
      patchItem: (jobId, appid, patch) => this.patchItem(jobId, appid, patch),
      write: (jobId, written) => this.write(jobId, written),
      pause: (id, kind, reason) => this.pause(id, kind, reason),
      settleAudit: (jobId, appid) => this.settleAudit(jobId, appid),
    };
    deps.audits.onResolved((appid) => this.applyAudit(appid));
  }

  private get data() {
    return this.deps.store.release.data;
  }

  list(): JobView[] {
    return Object.values(this.data.jobs)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map(jobView);
  }

  /** Mini-programs that unfinished jobs will still commit `templateId` to (the library keeps it until then). */
  pendingUse(templateId: number): string[] {
    return Object.values(this.data.jobs)
      .filter((j) => j.spec.templateId === templateId && j.status !== 'finished' && j.status !== 'cancelled')
      .flatMap((j) => Object.values(j.items).filter((i) => isActive(i.state, j.spec.autoRelease)))
      .map((i) => i.appid);
  }

  /** The job and its items, without what a retry would do (see `detail`). */
  get(id: string): JobDetail {
    return jobDetail(this.must(id), this.deps.store.authorizers.data);
  }

  /** The job and its items, with each item's rejection reason and what retrying it would do. */
  async detail(id: string): Promise<JobDetail> {
    const job = this.must(id);
    const plan = await this.retryPlan(job);
    return jobDetail(
      job,
      this.deps.store.authorizers.data,
      (appid) => plan.get(appid) ?? 'none',
      (appid) => this.deps.audits.record(appid),
    );
  }

  /** What retrying each item of the job would do, from the ext_json it would be committed with now. */
  private async retryPlan(job: JobRecord): Promise<RetryPlan> {
    const plan: RetryPlan = new Map();
    for (const item of Object.values(job.items)) {
      if (item.state !== 'failed' && item.state !== 'rejected') continue;
      const rendered = await this.deps.renderExtJson(job.spec.templateId, item.appid);
      plan.set(item.appid, retryAction(item, rendered.hash));
    }
    return plan;
  }

  async start(spec: DeployJobSpec): Promise<JobView> {
    validateSpec(spec);
    const id = this.deps.newId?.() ?? `job-${randomUUID()}`;
    const record = newJobRecord(id, spec, this.deps.clock.now());
    if (!spec.force && this.deps.runningVersion) skipRunning(record, this.deps.runningVersion);
    await this.deps.quota.tryRefresh(spec.appids[0]);
    // Durable before the loop can send the first commit: a crash after this resumes the job.
    await this.deps.store.release.update((d) => {
      d.jobs[id] = record;
    });
    this.deps.logger.info('job started', {
      jobId: id,
      templateId: spec.templateId,
      userVersion: spec.userVersion,
      items: spec.appids.length,
      canary: record.spec.canary,
      autoRelease: spec.autoRelease,
    });
    this.ensureLoop(id);
    return jobView(this.must(id));
  }

  async pause(id: string, kind: PauseKind = 'manual', reason: Coded = coded('pause_manual')): Promise<JobView> {
    const job = this.must(id);
    if (job.status === 'finished' || job.status === 'cancelled') return jobView(job);
    const written = this.setJob(id, (j) => pauseJob(j, kind, reason));
    if (kind !== 'manual') {
      this.deps.emit('app:notice', { kind: 'job_paused', message: reason, jobId: id });
      this.deps.logger.warn('job paused', { jobId: id, kind });
    }
    if (kind === 'quota') this.watchQuota(id);
    this.emitProgress(id, true);
    await written;
    return jobView(this.must(id));
  }

  async resume(id: string): Promise<JobView> {
    const job = this.must(id);
    if (job.status !== 'paused') return jobView(job);
    this.clearQuotaWatch(id);
    if (job.pauseKind === 'quota') await this.deps.quota.tryRefresh(job.spec.appids[0]);
    await this.setJob(id, resumeJob);
    this.deps.logger.info('job resumed', { jobId: id, after: job.pauseKind });
    this.ensureLoop(id);
    return jobView(this.must(id));
  }

  async cancel(id: string): Promise<JobView> {
    const job = this.must(id);
    if (job.status === 'finished' || job.status === 'cancelled') return jobView(job);
    this.clearQuotaWatch(id);
    const inflight = this.runners.get(id)?.inflight ?? new Set<string>();
    await this.setJob(id, (j) => cancelJob(j, inflight));
    this.runners.get(id)?.wake?.();
    this.deps.logger.info('job cancelled', { jobId: id });
    this.emitProgress(id, true);
    return jobView(this.must(id));
  }

  /**
   * Failed items run their step again, or commit again when their ext_json changed since; rejected items are
   * submitted again (with `feedbackInfo` as feedback_info), or committed again first when their ext_json changed.
   * Each re-submission spends an audit within the job's budget (the job pauses for consent beyond it).
   */
  async retryFailed(id: string, options: RetryOptions = {}): Promise<JobView> {
    const feedback = options.feedbackInfo?.trim() ?? '';
    const problems = feedbackProblems(feedback);
    if (problems.length > 0)
      throw new CodedError('invalid_argument', coded('feedback_too_long', { max: problems[0]?.params['max'] ?? 200 }));
    const now = this.deps.clock.now();
    const plan = await this.retryPlan(this.must(id));
    await this.setJob(id, (j) => retryItems(j, now, plan, feedback || null));
    const counts = { resume: 0, recommit: 0, resubmit: 0 };
    for (const action of plan.values()) if (action !== 'none') counts[action]++;
    this.deps.logger.info('job retrying its failed items', { jobId: id, ...counts });
    this.ensureLoop(id);
    return jobView(this.must(id));
  }

  /** At start-up: picks up every job that was running, and watches the quota of jobs paused for it. */
  async resumeAll(): Promise<void> {
    await this.deps.store.release.update((d) => {
      for (const job of Object.values(d.jobs))
        if (job.status !== 'finished' && job.status !== 'cancelled') markUncertain(job);
    });
    for (const job of Object.values(this.data.jobs)) {
      if (job.status === 'running' || job.status === 'waiting_canary' || job.status === 'queued')
        this.ensureLoop(job.id);
      else if (job.status === 'paused' && job.pauseKind === 'quota') this.watchQuota(job.id);
    }
  }

  /**
   * Stops scheduling (shutdown): loops end and nothing new starts; steps and writes in flight finish in the task
   * group, which the app drains before it flushes the store. Every job resumes at the next start.
   */
  stop(): void {
    this.stopped = true;
    this.quotaTimers.clearAll();
    this.progress.cancelAll();
    for (const r of this.runners.values()) r.wake?.();
  }

  private must(id: string): JobRecord {
    const job = this.data.jobs[id];
    if (!job) throw new CodedError('invalid_argument', coded('unknown_job', { id: id.slice(0, 64) }));
    return job;
  }

  private async setJob(id: string, fn: (job: JobRecord) => void): Promise<void> {
    this.must(id);
    const now = this.deps.clock.now();
    await this.deps.store.release.update((d) => {
      const job = d.jobs[id];
      if (!job) return;
      fn(job);
      job.updatedAt = now;
    }, GROUPED);
  }

  private patchItem(jobId: string, appid: string, patch: ItemPatch): Promise<void> {
    const now = this.deps.clock.now();
    return this.deps.store.release.update((d) => {
      const job = d.jobs[jobId];
      const item = job?.items[appid];
      if (!job || !item) return;
      Object.assign(item, patch, { updatedAt: now });
      if (job.status === 'cancelled' && isActive(item.state, job.spec.autoRelease)) item.state = 'cancelled';
      job.updatedAt = now;
    }, GROUPED);
  }

  private runner(id: string): Runner {
    let r = this.runners.get(id);
    if (!r) {
      r = { inflight: new Set(), looping: false, dirty: false, wake: null, timer: null };
      this.runners.set(id, r);
    }
    return r;
  }

  private ensureLoop(id: string): void {
    const r = this.runner(id);
    r.dirty = true;
    r.wake?.();
    if (r.looping || this.stopped) return;
    r.looping = true;
    const looped = this.loop(id, r).finally(() => {
      r.looping = false;
      // Asked to run while the loop was on its way out (resume right after a pause).
      if (r.dirty && RUNNABLE.includes(this.data.jobs[id]?.status ?? 'finished')) this.ensureLoop(id);
    });
    this.deps.tasks.track('job loop failed', looped, { jobId: id });
  }

  private async loop(id: string, r: Runner): Promise<void> {
    const { clock, settings } = this.deps;
    while (!this.stopped) {
      r.dirty = false;
      const job = this.data.jobs[id];
      if (!job || !RUNNABLE.includes(job.status)) return;
      const plan = planJob(job, clock.now(), r.inflight, settings);
      if (plan.pause) {
        // Steps in flight finish; nothing new starts.
        await this.pause(id, plan.pause.kind, plan.pause.reason);
        continue;
      }
      if (plan.finished && r.inflight.size === 0) {
        await this.finish(id);
        return;
      }
      const status =
        plan.waitingCanary && plan.eligible.length === 0 && r.inflight.size === 0 ? 'waiting_canary' : 'running';
      if (job.status !== status) {
        await this.setJob(id, (j) => (j.status = status));
        this.emitProgress(id, true);
      }
      const limit = Math.min(settings.maxConcurrency, Math.max(1, job.spec.concurrency ?? settings.concurrency));
      for (const appid of plan.eligible) {
        if (r.inflight.size >= limit) break;
        r.inflight.add(appid);
        this.deps.tasks.track('job item crashed', this.runItem(id, appid, r), { jobId: id, appid });
      }
      // Woken by the earliest item that becomes due, or by a step, a result or a command that changes the job.
      await this.waitFor(r, plan.wakeAt);
    }
  }

  private waitFor(r: Runner, wakeAt: number | null): Promise<void> {
    if (r.dirty) return Promise.resolve();
    const { clock } = this.deps;
    return new Promise((resolve) => {
      r.wake = () => {
        r.wake = null;
        if (r.timer !== null) clock.clearTimeout(r.timer);
        r.timer = null;
        resolve();
      };
      if (wakeAt !== null) r.timer = clock.setTimeout(() => r.wake?.(), Math.max(0, wakeAt - clock.now()));
    });
  }

  private async runItem(jobId: string, appid: string, r: Runner): Promise<void> {
    try {
      await runJobItem(this.itemHost, jobId, appid);
    } catch (err) {
      this.deps.logger.error('job item crashed', { jobId, appid, error: err });
    } finally {
      r.inflight.delete(appid);
      r.dirty = true;
      r.wake?.();
      this.emitProgress(jobId, false);
    }
  }

  private async finish(id: string): Promise<void> {
    await Promise.allSettled([...this.records]);
    const written = this.setJob(id, (j) => (j.status = 'finished'));
    const view = jobView(this.must(id));
    const c = view.counts;
    const message = coded('notice_job_finished', {
      version: view.spec.userVersion,
      released: c.released ?? 0,
      passed: c.passed ?? 0,
      rejected: c.rejected ?? 0,
      failed: c.failed ?? 0,
      total: view.total,
    });
    this.deps.emit('app:notice', { kind: 'job_finished', message, jobId: id });
    this.deps.logger.info('job finished', { jobId: id, userVersion: view.spec.userVersion, counts: c });
    this.emitProgress(id, true);
    await written;
  }

  /** A version released through `audits:release`: job items waiting in `passed` become `released`. */
  releasedByHand(appid: string): void {
    for (const job of Object.values(this.data.jobs)) {
      if (job.items[appid]?.state !== 'passed') continue;
      this.write(job.id, this.patchItem(job.id, appid, { state: 'released' }));
      this.emitProgress(job.id, true);
    }
  }

  /** A final result in the audit book reaches every job item waiting for that audit (push or `audits:refresh`). */
  applyAudit(appid: string): void {
    for (const job of Object.values(this.data.jobs)) this.settleAudit(job.id, appid);
  }

  /**
   * Applied whatever the job's status: a paused job (stop-the-line, quota, by hand) still learns what WeChat decided
   * about versions it already submitted, so nothing is left `auditing` for the loop to find after a resume.
   */
  private settleAudit(jobId: string, appid: string): void {
    const job = this.data.jobs[jobId];
    const item = job?.items[appid];
    const record = this.deps.audits.record(appid);
    if (!job || !item || item.state !== 'auditing' || !record || record.auditId !== item.auditId) return;
    const patch = auditOutcome(job.spec.autoRelease, record, this.deps.clock.now());
    if (!patch) return;
    // Every reader sees the patch at once; the loop need not wait for the disk to go on.
    this.write(jobId, this.patchItem(jobId, appid, patch));
    this.ensureLoop(jobId);
    this.emitProgress(jobId, true);
  }

  /** A grouped write nobody waits for: the task group logs its failure and the app drains it before it stops. */
  private write(jobId: string, written: Promise<void>): void {
    this.deps.tasks.track('job store write failed', written, { jobId });
  }

  private watchQuota(id: string): void {
    this.quotaTimers.set(id, this.deps.settings.quotaPollMs, () => {
      this.deps.tasks.run(
        'quota watch failed',
        async () => {
          const job = this.data.jobs[id];
          if (this.stopped || !job || job.status !== 'paused' || job.pauseKind !== 'quota') return;
          await this.deps.quota.tryRefresh(job.spec.appids[0]);
          if ((this.deps.quota.rest ?? 0) > 0) await this.resume(id);
          else this.watchQuota(id);
        },
        { jobId: id },
      );
    });
  }

  private clearQuotaWatch(id: string): void {
    this.quotaTimers.clear(id);
  }

  private emitProgress(id: string, force: boolean): void {
    this.progress.fire(id, force);
  }
}
