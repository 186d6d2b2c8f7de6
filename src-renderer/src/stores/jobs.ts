import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DeployJobSpec, JobDetail, JobView, RetryOptions } from '@contract/release';
import { jobsApi } from '@renderer/api/jobs';
import { notifyError } from '@renderer/errors/notify-error';
import { notifySuccess } from '@renderer/errors/notify-success';
import { debounce, upsert } from './debounce';

export const useJobsStore = defineStore('jobs', () => {
  const jobs = ref<JobView[]>([]);
  const detail = ref<JobDetail | null>(null);
  let started = false;

  const refreshDetail = debounce(() => {
    if (detail.value) void open(detail.value.id);
  }, 250);

  const sameJob = (a: JobView, b: JobView): boolean => a.id === b.id;
  // Progress pushed while a snapshot is in flight may be newer than the snapshot (events and replies share one
  // ordered channel), so it is replayed on top of it instead of being overwritten.
  let pushedDuringLoad: JobView[] | null = null;

  const adopt = (job: JobView): void => {
    pushedDuringLoad?.push(job);
    // The job open in the drawer takes its row from the same snapshot as its items, so its status never runs ahead
    // of the items it summarises (a job "finished" while its items still say "releasing").
    if (detail.value?.id === job.id) refreshDetail();
    else jobs.value = upsert(jobs.value, job, sameJob);
  };

  async function start(): Promise<void> {
    if (!started) {
      started = true;
      jobsApi.onProgress(adopt);
    }
    const pushed: JobView[] = [];
    pushedDuringLoad = pushed;
    try {
      const snapshot = await jobsApi.list();
      jobs.value = pushed.reduce((rows, job) => upsert(rows, job, sameJob), snapshot);
    } catch (error) {
      notifyError(error);
    } finally {
      if (pushedDuringLoad === pushed) pushedDuringLoad = null;
    }
  }

  async function open(id: string): Promise<void> {
    try {
      const fresh = await jobsApi.get(id);
      detail.value = fresh;
      const { items: _items, ...row } = fresh;
      jobs.value = upsert(jobs.value, row, sameJob);
    } catch (error) {
      notifyError(error);
    }
  }

  async function act(action: () => Promise<JobView>, done: string): Promise<JobView | null> {
    try {
      const job = await action();
      adopt(job);
      notifySuccess(done);
      return job;
    } catch (error) {
      notifyError(error);
      return null;
    }
  }

  return {
    jobs,
    detail,
    start,
    open,
    close: () => (detail.value = null),
    startDeploy: (spec: DeployJobSpec) => act(() => jobsApi.startDeploy(spec), 'done.jobStarted'),
    pause: (id: string) => act(() => jobsApi.pause(id), 'done.jobPaused'),
    resume: (id: string) => act(() => jobsApi.resume(id), 'done.jobResumed'),
    cancel: (id: string) => act(() => jobsApi.cancel(id), 'done.jobCancelled'),
    retryFailed: (id: string, options?: RetryOptions) =>
      act(() => jobsApi.retryFailed(id, options), 'done.jobRetrying'),
  };
});
