import { randomUUID } from 'node:crypto';
import { coded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';
import { CodedError } from '../../../contract/result.js';
import type { EmitEvent } from '@contract/handlers';
import type { VersionJobSpec, VersionJobView } from '@contract/release';
import type { Clock } from '../../platform/clock/clock.js';
import type { Logger } from '../../platform/log/logger.js';
import type { Store } from '../../platform/store/store.js';
import type { VersionJobItemRecord, VersionJobRecord } from '../../platform/store/version-jobs-aggregate.js';
import { storeCoded } from '../../platform/store/stored-text.js';
import type { TaskGroup } from '../../platform/tasks/task-group.js';
import { WeChatError } from '../../wechat/client/wechat-error.js';
import type { VersionOps } from './version-ops.js';
import { versionJobView } from './version-job-view.js';

export interface VersionJobsDeps {
  store: Pick<Store, 'versionJobs' | 'authorizers'>;
  ops: VersionOps;
  tasks: TaskGroup;
  clock: Clock;
  logger: Logger;
  emit: EmitEvent;
  /** Items of a wave run at once. */
  concurrency?: number;
  newId?: () => string;
}

/** What a failed item shows: the error's own reason, or WeChat's errcode, or an internal failure. */
function reasonOf(err: unknown): Coded {
  if (err instanceof CodedError) return err.reason;
  if (err instanceof WeChatError && err.errcode !== null)
    return coded('wechat_rejected', { endpoint: err.endpoint }, err.errcode);
  return coded('internal_failure');
}

/** Errcodes that mean the item is already where the action leads (a retry after a crash, a second click). */
const ALREADY: Partial<Record<VersionJobSpec['action'], number[]>> = { release: [85052], revert_gray: [40097] };

/**
 * One version action over many mini-programs, in waves: every item of a wave must succeed before the next wave
 * starts; a failure pauses the job until its failed items are retried (or it is cancelled). Durable: a restart
 * resumes the job, running items are run again (the actions are idempotent or their "already" refusal counts).
 */
export class VersionJobs {
  private readonly loops = new Set<string>();
  private stopped = false;

  constructor(private readonly deps: VersionJobsDeps) {}

  private get data() {
    return this.deps.store.versionJobs.data;
  }

  list(): VersionJobView[] {
    return Object.values(this.data.jobs)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((j) => this.view(j));
  }

  async start(spec: VersionJobSpec): Promise<VersionJobView> {
    if (new Set(spec.appids).size !== spec.appids.length)
      throw new CodedError('invalid_argument', coded('version_job_listed_twice'));
    if (spec.action === 'gray' && spec.gray === undefined)
      throw new CodedError('invalid_argument', coded('version_job_needs_share'));
    const now = this.deps.clock.now();
    const id = this.deps.newId?.() ?? `vjob-${randomUUID()}`;
    const size = spec.waveSize && spec.waveSize > 0 ? spec.waveSize : spec.appids.length;
    const items: Record<string, VersionJobItemRecord> = {};
    spec.appids.forEach((appid, i) => {
      items[appid] = { appid, wave: Math.floor(i / size), state: 'pending', error: null, updatedAt: now };
    });
    const record: VersionJobRecord = {
      id,
      action: spec.action,
      appids: [...spec.appids],
      gray: spec.gray
        ? {
            percentage: spec.gray.percentage,
            testersFirst: spec.gray.testersFirst ?? false,
            experiencersFirst: spec.gray.experiencersFirst ?? false,
          }
        : null,
      appVersions: { ...spec.appVersions },
      waveSize: size,
      status: 'running',
      pausedAtWave: null,
      createdAt: now,
      updatedAt: now,
      items,
    };
    await this.deps.store.versionJobs.update((d) => {
      d.jobs[id] = record;
    });
    this.deps.logger.info('version job started', { jobId: id, action: spec.action, items: spec.appids.length });
    this.ensureLoop(id);
    return this.view(this.must(id));
  }

  async cancel(id: string): Promise<VersionJobView> {
    const job = this.must(id);
    if (job.status === 'finished' || job.status === 'cancelled') return this.view(job);
    await this.set(id, (j) => {
      j.status = 'cancelled';
      for (const item of Object.values(j.items)) if (item.state === 'pending') item.state = 'cancelled';
    });
    this.progress(id);
    return this.view(this.must(id));
  }

  async retryFailed(id: string): Promise<VersionJobView> {
    const job = this.must(id);
    if (job.status === 'cancelled') return this.view(job);
    await this.set(id, (j) => {
      for (const item of Object.values(j.items))
        if (item.state === 'failed') Object.assign(item, { state: 'pending', error: null });
      j.status = 'running';
      j.pausedAtWave = null;
    });
    this.ensureLoop(id);
    return this.view(this.must(id));
  }

  /** At start-up: items that were running when the app stopped run again; running jobs go on. */
  async resumeAll(): Promise<void> {
    await this.deps.store.versionJobs.update((d) => {
      for (const job of Object.values(d.jobs))
        for (const item of Object.values(job.items)) if (item.state === 'running') item.state = 'pending';
    });
    for (const job of Object.values(this.data.jobs)) if (job.status === 'running') this.ensureLoop(job.id);
  }

  stop(): void {
    this.stopped = true;
  }

  private view(job: VersionJobRecord): VersionJobView {
    return versionJobView(job, this.deps.store.authorizers.data);
  }

  private must(id: string): VersionJobRecord {
    const job = this.data.jobs[id];
    if (!job) throw new CodedError('invalid_argument', coded('unknown_job', { id: id.slice(0, 64) }));
    return job;
  }

  private set(id: string, fn: (job: VersionJobRecord) => void): Promise<void> {
    const now = this.deps.clock.now();
    return this.deps.store.versionJobs.update((d) => {
      const job = d.jobs[id];
      if (!job) return;
      fn(job);
      job.updatedAt = now;
    });
  }

  private progress(id: string): void {
    const job = this.data.jobs[id];
    if (job) this.deps.emit('versionJobs:progress', this.view(job));
  }

  private ensureLoop(id: string): void {
    if (this.loops.has(id) || this.stopped) return;
    this.loops.add(id);
    const looped = this.loop(id).finally(() => this.loops.delete(id));
    this.deps.tasks.track('version job loop failed', looped, { jobId: id });
  }

  private async loop(id: string): Promise<void> {
    const limit = Math.max(1, this.deps.concurrency ?? 4);
    while (!this.stopped) {
      const job = this.data.jobs[id];
      if (!job || job.status !== 'running') return;
      const items = Object.values(job.items);
      const open = items.filter((i) => i.state === 'pending' || i.state === 'failed');
      if (open.length === 0) {
        await this.set(id, (j) => (j.status = 'finished'));
        this.deps.logger.info('version job finished', { jobId: id, action: job.action });
        const states = Object.values(this.data.jobs[id]?.items ?? {}).map((i) => i.state);
        const count = (state: string): number => states.filter((s) => s === state).length;
        this.deps.emit('app:notice', {
          kind: 'job_finished',
          message: coded('version_job_finished', {
            done: count('done'),
            failed: count('failed'),
            total: states.length,
          }),
          jobId: id,
        });
        this.progress(id);
        return;
      }
      const wave = Math.min(...open.map((i) => i.wave));
      const failed = items.some((i) => i.wave === wave && i.state === 'failed');
      const pending = items.filter((i) => i.wave === wave && i.state === 'pending');
      if (pending.length === 0 && failed) {
        await this.set(id, (j) => {
          j.status = 'paused';
          j.pausedAtWave = wave;
        });
        this.deps.logger.warn('version job paused: a wave had failures', { jobId: id, wave });
        this.deps.emit('app:notice', {
          kind: 'job_paused',
          message: coded('version_job_paused', {
            wave: wave + 1,
            failed: items.filter((i) => i.wave === wave && i.state === 'failed').length,
          }),
          jobId: id,
        });
        this.progress(id);
        return;
      }
      const batch = pending.slice(0, limit);
      await Promise.all(batch.map((item) => this.runItem(id, job, item.appid)));
      this.progress(id);
    }
  }

  private async runItem(id: string, job: VersionJobRecord, appid: string): Promise<void> {
    await this.set(id, (j) => {
      const item = j.items[appid];
      if (item) Object.assign(item, { state: 'running', updatedAt: this.deps.clock.now() });
    });
    let outcome: Pick<VersionJobItemRecord, 'state' | 'error'>;
    try {
      await this.act(job, appid);
      outcome = { state: 'done', error: null };
    } catch (err) {
      const reason = reasonOf(err);
      outcome =
        reason.errcode !== undefined && ALREADY[job.action]?.includes(reason.errcode)
          ? { state: 'done', error: null }
          : { state: 'failed', error: { errcode: reason.errcode ?? null, message: storeCoded(reason) } };
      if (outcome.state === 'failed')
        this.deps.logger.warn('version job item failed', { jobId: id, appid, error: err });
    }
    await this.set(id, (j) => {
      const item = j.items[appid];
      if (!item) return;
      // A cancel while the call was in flight: the call's result still counts.
      Object.assign(item, outcome, { updatedAt: this.deps.clock.now() });
    });
  }

  private async act(job: VersionJobRecord, appid: string): Promise<void> {
    const { ops } = this.deps;
    switch (job.action) {
      case 'gray': {
        const gray = job.gray ?? { percentage: 0, testersFirst: false, experiencersFirst: false };
        // A step already taken (a retry after a crash) is not sent again: WeChat would answer 85082.
        const plan = await ops.grayPlan(appid);
        if (plan.status === 1 && plan.percentage === gray.percentage && gray.percentage > 0) return;
        await ops.grayRelease(appid, gray);
        return;
      }
      case 'release':
        await ops.releaseFully(appid);
        return;
      case 'revert_gray':
        await ops.revertGray(appid);
        return;
      case 'revert':
        await ops.revert(appid, job.appVersions[appid] ?? null);
        return;
      case 'close':
      case 'open':
        // Already so (a retry after a crash, a change made elsewhere): nothing to send.
        if ((await ops.service(appid)) === (job.action === 'open' ? 'open' : 'closed')) return;
        await ops.setVisit(appid, job.action);
        return;
    }
  }
}
