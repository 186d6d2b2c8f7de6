import { randomUUID } from 'node:crypto';
import type { EmitEvent } from '@contract/handlers';
import type { DeployJobSpec, JobDetail, JobStatus, JobView } from '@contract/release';
import type { AuditBook } from '../audits/audit-book.js';
import type { Clock, TimerHandle } from '../../platform/clock/clock.js';
import type { LedgerRecorder } from '../ledger/ledger-recorder.js';
import type { Logger } from '../../platform/log/logger.js';
import type { ExtJsonRenderer, ReleaseApi } from '../release-deps.js';
import type { ReleaseSettings } from '../release-settings.js';
import { auditOutcome } from '../steps/audit-step.js';
import { isActive, runStep } from '../steps/run-step.js';
import type { ItemPatch, StepEnv, StepInput } from '../steps/step-env.js';
import type { Store } from '../../platform/store/store.js';
import { itemFailure } from './item-failure.js';
import { markUncertain } from './job-recovery.js';
import { planJob } from './job-policy.js';
import { newJobRecord, validateSpec } from './job-spec.js';
import { jobDetail, jobView } from './job-views.js';
import { makeStepEnv } from './make-step-env.js';
import type { QuotaGuard } from '../audits/quota-guard.js';
import type { JobRecord, PauseKind, Release } from '../../platform/store/release-aggregate.js';
import { KeyedTimers, Throttle } from './job-timers.js';
import type { LiveAggregate } from '../../platform/aggregate/write-behind.js';

export interface JobEngineDeps {
  store: Pick<Store, 'release' | 'authorizers'>;
  /** The release aggregate, written behind (shared with the audit book). */
  live: LiveAggregate<Release>;
  api: ReleaseApi;
  ledger: LedgerRecorder;
  renderExtJson: ExtJsonRenderer;
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
  private readonly records = new Set<Promise<unknown>>();
  private readonly quotaTimers: KeyedTimers;
  private readonly progress: Throttle;
  private readonly env: StepEnv;
  private stopped = false;

  constructor(private readonly deps: JobEngineDeps) {
    const { settings } = deps;
    this.quotaTimers = new KeyedTimers(deps.clock);
    this.progress = new Throttle(deps.clock, settings.progressThrottleMs, (id) => {
      const job = this.data.jobs[id];
      if (job) deps.emit('jobs:progress', jobView(job));
    });
    this.env = makeStepEnv(deps, this.records);
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

  get(id: string): JobDetail {
    return jobDetail(this.must(id), this.deps.store.authorizers.data);
  }

  async start(spec: DeployJobSpec): Promise<JobView> {
    validateSpec(spec);
    const id = this.deps.newId?.() ?? `job-${randomUUID()}`;
    const record = newJobRecord(id, spec, this.deps.clock.now());
    await this.deps.quota.tryRefresh(spec.appids[0]);
    await this.deps.live.mutate((d) => {
      d.jobs[id] = record;
    });
    this.ensureLoop(id);
    return jobView(this.must(id));
  }

  async pause(id: string, kind: PauseKind = 'manual', reason = 'Paused by hand.'): Promise<JobView> {
    const job = this.must(id);
    if (job.status === 'finished' || job.status === 'cancelled') return jobView(job);
    const written = this.setJob(id, (j) => {
      j.status = 'paused';
      j.pauseKind = kind;
      j.pauseReason = reason;
    });
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
    await this.setJob(id, (j) => {
      if (j.pauseKind === 'canary') j.canaryAccepted = true;
      // Resuming after the budget ran out is the consent to spend what the remaining items need.
      if (j.pauseKind === 'budget') j.spec.auditBudget = null;
      if (j.pauseKind === 'stop_the_line') {
        const done = Object.values(j.items).filter((i) => !isActive(i.state, j.spec.autoRelease));
        j.ackFinished = done.length;
        j.ackFailed = done.filter((i) => i.state === 'failed' || i.state === 'rejected').length;
      }
      j.status = 'running';
      j.pauseKind = 'none';
      j.pauseReason = null;
    });
    this.ensureLoop(id);
    return jobView(this.must(id));
  }

  async cancel(id: string): Promise<JobView> {
    const job = this.must(id);
    if (job.status === 'finished' || job.status === 'cancelled') return jobView(job);
    this.clearQuotaWatch(id);
    const inflight = this.runners.get(id)?.inflight ?? new Set<string>();
    await this.setJob(id, (j) => {
      j.status = 'cancelled';
      j.pauseReason = null;
      for (const item of Object.values(j.items)) {
        if (isActive(item.state, j.spec.autoRelease) && !inflight.has(item.appid)) item.state = 'cancelled';
      }
    });
    this.runners.get(id)?.wake?.();
    this.emitProgress(id, true);
    return jobView(this.must(id));
  }

  async retryFailed(id: string): Promise<JobView> {
    const now = this.deps.clock.now();
    await this.setJob(id, (j) => {
      for (const item of Object.values(j.items)) {
        if (item.state !== 'failed') continue;
        item.state = item.failedFrom ?? 'pending';
        item.failedFrom = null;
        item.error = null;
        item.attempts = 0;
        item.nextAt = now;
      }
      if (j.status === 'finished' || j.status === 'paused') {
        j.status = 'running';
        j.pauseKind = 'none';
        j.pauseReason = null;
      }
    });
    this.ensureLoop(id);
    return jobView(this.must(id));
  }

  /** At start-up: picks up every job that was running, and watches the quota of jobs paused for it. */
  async resumeAll(): Promise<void> {
    await this.deps.live.mutate((d) => {
      for (const job of Object.values(d.jobs))
        if (job.status !== 'finished' && job.status !== 'cancelled') markUncertain(job);
    });
    for (const job of Object.values(this.data.jobs)) {
      if (job.status === 'running' || job.status === 'waiting_canary' || job.status === 'queued')
        this.ensureLoop(job.id);
      else if (job.status === 'paused' && job.pauseKind === 'quota') this.watchQuota(job.id);
    }
  }

  /** Stops scheduling (shutdown, tests); steps in flight finish, and everything is resumable. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.quotaTimers.clearAll();
    for (const r of this.runners.values()) r.wake?.();
    const busy = (): boolean => [...this.runners.values()].some((r) => r.inflight.size > 0);
    for (let waited = 0; busy() && waited < 30_000; waited += 20) await this.deps.clock.sleep(20);
    await Promise.allSettled([...this.records]);
    await this.deps.live.flush();
  }

  private must(id: string): JobRecord {
    const job = this.data.jobs[id];
    if (!job) throw new Error(`No job ${id}.`);
    return job;
  }

  private async setJob(id: string, fn: (job: JobRecord) => void): Promise<void> {
    this.must(id);
    const now = this.deps.clock.now();
    await this.deps.live.mutate((d) => {
      const job = d.jobs[id];
      if (!job) return;
      fn(job);
      job.updatedAt = now;
    });
  }

  private patchItem(jobId: string, appid: string, patch: ItemPatch): Promise<void> {
    const now = this.deps.clock.now();
    return this.deps.live.mutate((d) => {
      const job = d.jobs[jobId];
      const item = job?.items[appid];
      if (!job || !item) return;
      Object.assign(item, patch, { updatedAt: now });
      if (job.status === 'cancelled' && isActive(item.state, job.spec.autoRelease)) item.state = 'cancelled';
      job.updatedAt = now;
    });
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
    void this.loop(id, r)
      .catch((err: unknown) => this.deps.logger.error('job loop failed', { jobId: id, error: err }))
      .finally(() => {
        r.looping = false;
        // Asked to run while the loop was on its way out (resume right after a pause).
        if (r.dirty && RUNNABLE.includes(this.data.jobs[id]?.status ?? 'finished')) this.ensureLoop(id);
      });
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
        void this.runItem(id, appid, r);
      }
      await this.waitFor(r, plan.wakeAt ?? (r.inflight.size === 0 ? clock.now() + 1000 : null));
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
    const job = this.must(jobId);
    const item = job.items[appid];
    try {
      if (!item) return;
      const spend = (delta: number): void => void this.setJob(jobId, (j) => (j.auditsSpent += delta));
      const input: StepInput = {
        jobId,
        spec: job.spec,
        item: { ...item },
        // Not awaited: after a crash every unfinished step asks WeChat first (markUncertain), so speed costs no safety.
        persist: (patch) => {
          this.patchItem(jobId, appid, patch).catch((err: unknown) =>
            this.deps.logger.error('job store write failed', { jobId, error: err }),
          );
          return Promise.resolve();
        },
        reserveAudit: () => this.deps.quota.reserve(this.must(jobId), spend),
        refundAudit: () => this.deps.quota.refund(spend),
      };
      const step = runStep(this.env, input);
      if (!step) return;
      try {
        const patch = await step;
        // An audit result applied while this step polled is newer than the step's "ask again later".
        const overtaken =
          input.item.state === 'auditing' &&
          patch.state === undefined &&
          this.must(jobId).items[appid]?.state !== 'auditing';
        if (!overtaken)
          void this.patchItem(jobId, appid, { error: null, ...patch }).catch((err: unknown) =>
            this.deps.logger.error('job store write failed', { jobId, error: err }),
          );
        // The result may have been pushed while the submission was still being written.
        this.settleAudit(jobId, appid);
      } catch (err) {
        const current = this.must(jobId).items[appid] ?? item;
        const out = itemFailure(current, err, this.deps.clock.now(), this.deps.settings, this.deps.random);
        if (!out.pause)
          this.deps.logger.info('job item step failed', { jobId, appid, state: current.state, error: err });
        await this.patchItem(jobId, appid, out.patch);
        if (out.pause) await this.pause(jobId, out.pause.kind, out.pause.reason);
      }
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
    const message =
      `Deploy ${view.spec.userVersion} finished: ${c.released ?? 0} released, ${c.passed ?? 0} passed, ` +
      `${c.rejected ?? 0} rejected, ${c.failed ?? 0} failed of ${view.total}.`;
    this.deps.emit('app:notice', { kind: 'job_finished', message, jobId: id });
    this.emitProgress(id, true);
    await written;
  }

  /** A version released through `audits:release`: job items waiting in `passed` become `released`. */
  releasedByHand(appid: string): void {
    for (const job of Object.values(this.data.jobs)) {
      if (job.items[appid]?.state === 'passed')
        void this.patchItem(job.id, appid, { state: 'released' }).finally(() => this.emitProgress(job.id, true));
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
    void this.patchItem(jobId, appid, patch)
      .catch((err: unknown) => this.deps.logger.error('job store write failed', { jobId, error: err }))
      .finally(() => {
        this.ensureLoop(jobId);
        this.emitProgress(jobId, true);
      });
  }

  private watchQuota(id: string): void {
    this.quotaTimers.set(id, this.deps.settings.quotaPollMs, () => {
      void (async () => {
        const job = this.data.jobs[id];
        if (!job || job.status !== 'paused' || job.pauseKind !== 'quota') return;
        await this.deps.quota.tryRefresh(job.spec.appids[0]);
        if ((this.deps.quota.rest ?? 0) > 0) await this.resume(id);
        else this.watchQuota(id);
      })().catch((err: unknown) => this.deps.logger.warn('quota watch failed', { jobId: id, error: err }));
    });
  }

  private clearQuotaWatch(id: string): void {
    this.quotaTimers.clear(id);
  }

  private emitProgress(id: string, force: boolean): void {
    this.progress.fire(id, force);
  }
}
