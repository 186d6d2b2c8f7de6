import { afterEach, expect, it } from 'vitest';
import type { JobDetail } from '../../src-main/contract/release.js';
import type { ReleaseFixture } from './jobs-fixture.js';
import { startReleaseFixture } from './jobs-fixture.js';

let f: ReleaseFixture | undefined;
afterEach(async () => f?.close());

// Polling is out of reach, so only the pushes (and audits:refresh) can move the items.
const NO_POLL = { auditPollMs: 3_600_000 };

async function untilItems(
  fx: ReleaseFixture,
  jobId: string,
  done: (state: string) => boolean,
  timeoutMs: number,
): Promise<JobDetail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await fx.handlers['jobs:get'](jobId);
    if (job.items.every((i) => done(i.state))) return job;
    if (Date.now() > until) throw new Error(`job ${job.status}: ${JSON.stringify(job.counts)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Ten items under audit, the fourth to be rejected; the results come when the simulator's clock moves. */
async function tenUnderAudit(fx: ReleaseFixture): Promise<{ jobId: string; rejected: string }> {
  const templateId = await fx.addTemplate('9.1.0');
  const rejected = fx.appids[3] ?? '';
  await fx.h.control('POST', '/audit/decide', { outcome: 'fail', appid: rejected, reason: 'induced sharing' });
  const spec = { templateId, appids: fx.appids, userVersion: '9.1.0', userDesc: 'burst', canary: 0 };
  const job = await fx.handlers['jobs:startDeploy']({ ...spec, autoRelease: false });
  await untilItems(fx, job.id, (s) => s === 'auditing', 30_000);
  return { jobId: job.id, rejected };
}

function settled(state: string): boolean {
  return state === 'passed' || state === 'rejected';
}

it('applies every audit result pushed at once, also after the rejection stopped the line', async () => {
  f = await startReleaseFixture({ apps: 10, sim: { audit: { durationSeconds: 600 } }, settings: NO_POLL });
  const fx = f;
  const { jobId, rejected } = await tenUnderAudit(fx);
  const received = fx.pushes.received;
  await fx.h.control('POST', '/clock/advance', { seconds: 700 });

  const job = await untilItems(fx, jobId, settled, 10_000);
  expect(fx.pushes.received - received).toBe(10);
  expect(job.counts).toEqual({ passed: 9, rejected: 1 });
  expect(job.items.filter((i) => i.state === 'rejected').map((i) => i.appid)).toEqual([rejected]);
  if (job.status === 'paused') {
    expect(job.pauseReason?.code).toBe('pause_stop_the_line');
    await fx.handlers['jobs:resume'](jobId);
  }
  expect((await fx.waitJob(jobId, ['finished'], 10_000)).counts).toEqual({ passed: 9, rejected: 1 });
}, 60_000);

it('audits:refresh moves job items when the polled status is final', async () => {
  // The pushes go nowhere: only audits:refresh can tell the job.
  const lost = { messageUrlTemplate: 'http://127.0.0.1:9/lost/$APPID$' };
  f = await startReleaseFixture({ apps: 10, sim: { audit: { durationSeconds: 600 }, push: lost }, settings: NO_POLL });
  const fx = f;
  const { jobId, rejected } = await tenUnderAudit(fx);
  await fx.h.control('POST', '/clock/advance', { seconds: 700 });
  // One result the book already has while its job item does not (as after a lost store write).
  const known = fx.appids[0] ?? '';
  await fx.h.store.release.update((d) => {
    const record = d.audits[known];
    if (record) record.state = 'passed';
  });

  for (const appid of fx.appids) await fx.handlers['audits:refresh'](appid);
  const job = await untilItems(fx, jobId, settled, 10_000);
  expect(job.counts).toEqual({ passed: 9, rejected: 1 });
  expect(job.items.find((i) => i.appid === rejected)?.state).toBe('rejected');
}, 60_000);
