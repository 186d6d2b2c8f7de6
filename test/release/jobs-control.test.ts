import { afterEach, expect, it } from 'vitest';
import type { ReleaseFixture } from './jobs-fixture.js';
import { grantLocation, startReleaseFixture } from './jobs-fixture.js';

let f: ReleaseFixture | undefined;
afterEach(async () => f?.close());

it('stops the line when too many items fail; retry-failed after the fix finishes the job', async () => {
  f = await startReleaseFixture({ apps: 10, noLocationGrant: [0, 1, 2, 3] });
  const fx = f;
  const templateId = await fx.addTemplate('7.0.0');
  const started = await fx.handlers['jobs:startDeploy']({
    templateId,
    appids: fx.appids,
    userVersion: '7.0.0',
    userDesc: 'stop the line',
    canary: 0,
    autoRelease: true,
    stopTheLine: 0.5,
    concurrency: 2,
  });
  const paused = await fx.waitJob(started.id, ['paused', 'finished'], 30_000);
  expect(paused.status).toBe('paused');
  expect(paused.pauseReason).toMatchObject({ code: 'pause_stop_the_line', params: { failed: 4, threshold: 50 } });
  expect(paused.items.filter((i) => i.error?.errcode === 61040)).toHaveLength(4);

  for (const appid of fx.appids.slice(0, 4)) await grantLocation(fx, appid);
  await fx.handlers['jobs:retryFailed'](started.id);
  const done = await fx.waitJob(started.id, ['finished'], 30_000);
  expect(done.counts).toEqual({ released: 10 });
  // The retried items went on from their submission: still one commit each.
  expect((await fx.h.calls('/wxa/commit')).filter((c) => c.errcode === 0)).toHaveLength(10);
}, 60_000);

it('pauses, resumes and cancels by hand', async () => {
  f = await startReleaseFixture({ apps: 6, sim: { audit: { durationSeconds: 3600 } } });
  const fx = f;
  const templateId = await fx.addTemplate('8.0.0');
  const spec = { templateId, appids: fx.appids, userVersion: '8.0.0', userDesc: 'x', canary: 2, autoRelease: true };
  const job = await fx.handlers['jobs:startDeploy']({ ...spec, concurrency: 1 });
  expect((await fx.handlers['jobs:pause'](job.id)).status).toBe('paused');
  await new Promise((r) => setTimeout(r, 300));
  const held = await fx.handlers['jobs:get'](job.id);
  expect(held.items.filter((i) => i.state !== 'pending').length).toBeLessThanOrEqual(1);
  await fx.handlers['jobs:resume'](job.id);
  // The canary (2) goes to audit; the other 4 wait for it.
  const waiting = await fx.waitJob(job.id, ['waiting_canary'], 20_000);
  expect(waiting.items.slice(2).every((i) => i.state === 'pending')).toBe(true);
  const cancelled = await fx.handlers['jobs:cancel'](job.id);
  expect(cancelled.status).toBe('cancelled');
  expect(cancelled.counts.cancelled).toBe(6);
  expect((await fx.handlers['jobs:list']()).map((j) => j.id)).toContain(job.id);
}, 60_000);
