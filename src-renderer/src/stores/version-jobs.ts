import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { VersionJobView } from '@contract/release';
import { versionJobsApi } from '@renderer/api/authorizers';
import { notifyError } from '@renderer/errors/notify-error';

/** Batch version jobs (gray, full release, rollback, service), kept current by their progress events. */
export const useVersionJobsStore = defineStore('versionJobs', () => {
  const jobs = ref<VersionJobView[]>([]);
  let started = false;

  async function load(): Promise<void> {
    try {
      jobs.value = await versionJobsApi.list();
    } catch (error) {
      notifyError(error);
    }
  }

  function apply(job: VersionJobView): void {
    const i = jobs.value.findIndex((j) => j.id === job.id);
    jobs.value = i < 0 ? [job, ...jobs.value] : jobs.value.map((j) => (j.id === job.id ? job : j));
  }

  async function start(): Promise<void> {
    if (!started) {
      started = true;
      versionJobsApi.onProgress(apply);
    }
    await load();
  }

  async function command(run: () => Promise<VersionJobView>): Promise<boolean> {
    try {
      apply(await run());
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    }
  }

  return {
    jobs,
    start,
    load,
    cancel: (id: string) => command(() => versionJobsApi.cancel(id)),
    retryFailed: (id: string) => command(() => versionJobsApi.retryFailed(id)),
  };
});
