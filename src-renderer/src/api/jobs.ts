import type { DeployJobSpec, JobDetail, JobView, RetryOptions } from '@contract/release';
import { call, subscribe } from './bridge';

export const jobsApi = {
  list: (): Promise<JobView[]> => call('jobs:list'),
  get: (id: string): Promise<JobDetail> => call('jobs:get', id),
  startDeploy: (spec: DeployJobSpec): Promise<JobView> => call('jobs:startDeploy', spec),
  pause: (id: string): Promise<JobView> => call('jobs:pause', id),
  resume: (id: string): Promise<JobView> => call('jobs:resume', id),
  cancel: (id: string): Promise<JobView> => call('jobs:cancel', id),
  retryFailed: (id: string, options?: RetryOptions): Promise<JobView> =>
    options ? call('jobs:retryFailed', id, options) : call('jobs:retryFailed', id),
  onProgress: (listener: (job: JobView) => void) => subscribe('jobs:progress', listener),
};
