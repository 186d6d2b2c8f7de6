// Runs the app in its own process against the test's profile, so a test can SIGKILL it mid-job.
import type { DeployJobSpec, JobView } from '../../src-main/contract/release.js';
import type { AppConfig } from '../../src-main/core/app/app-config.js';
import { createApp } from '../../src-main/core/app/create-app.js';
import { keytarKeychain } from '../../src-main/core/platform/vault/keytar-keychain.js';

interface ChildConfig {
  config: AppConfig;
  spec: DeployJobSpec;
}

const cfg = JSON.parse(process.env['WXFLEET_CRASH_CFG'] ?? '{}') as ChildConfig;
const done = (job: Pick<JobView, 'status'> | undefined): boolean =>
  job !== undefined && job.status !== 'running' && job.status !== 'waiting_canary' && job.status !== 'queued';
let settled: (status: string) => void = () => undefined;
const finished = new Promise<string>((resolve) => (settled = resolve));
const app = await createApp(
  {
    ...cfg.config,
    release: {
      concurrency: 16,
      scanPollMs: 300,
      auditPollMs: 700,
      retry: { maxAttempts: 12, baseDelayMs: 100, maxDelayMs: 1500 },
    },
  },
  {
    keychain: keytarKeychain(),
    emit: (channel, payload) => {
      if (channel === 'jobs:progress' && done(payload as JobView)) settled((payload as JobView).status);
    },
  },
);
await app.start();
if (Object.keys(app.services.store.release.data.jobs).length === 0) await app.handlers['jobs:startDeploy'](cfg.spec);
process.stdout.write('started\n');
const [job] = await app.handlers['jobs:list']();
const status = done(job) ? (job?.status ?? '') : await finished;
await app.stop();
process.stdout.write(`${status}\n`);
process.exit(0);
