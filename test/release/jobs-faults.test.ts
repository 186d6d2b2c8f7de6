import { afterEach, expect, it } from 'vitest';
import type { ReleaseFixture } from './jobs-fixture.js';
import { startReleaseFixture } from './jobs-fixture.js';

let f: ReleaseFixture | undefined;
afterEach(async () => f?.close());

it('with 20% of calls failing (-1, 5xx, resets) the job completes; permanent errors and rejections are reported per item', async () => {
  f = await startReleaseFixture({ apps: 24, noPrivacy: [5], badExtJson: [9] });
  const fx = f;
  const templateId = await fx.addTemplate('4.0.0');
  for (const fault of [{ kind: 'errcode', errcode: -1 }, { kind: 'http5xx', status: 502 }, { kind: 'reset' }]) {
    await fx.h.control('POST', '/faults', { path: '*', rate: 0.072, ...fault });
  }
  const started = await fx.handlers['jobs:startDeploy']({
    templateId,
    appids: fx.appids,
    userVersion: '4.0.0',
    userDesc: 'under faults',
    canary: 0,
    autoRelease: true,
    stopTheLine: 0.5,
  });
  const job = await fx.waitJob(started.id, ['finished', 'paused'], 90_000);
  await fx.h.control('DELETE', '/faults');
  expect(job.status).toBe('finished');
  expect(job.counts).toEqual({ released: 22, rejected: 1, failed: 1 });

  // No privacy guide: WeChat takes the submission and its audit rejects it (05 E22), with the guide named.
  const noGuide = job.items.find((i) => i.appid === fx.appids[5]);
  expect(noGuide?.state).toBe('rejected');
  expect(noGuide?.error).toMatchObject({ code: 'audit_rejected', params: { appid: fx.appids[5] } });
  expect(noGuide?.error?.params?.['reason']).toContain('用户隐私保护指引');
  const ext = job.items.find((i) => i.appid === fx.appids[9]);
  expect(ext?.error).toMatchObject({ code: 'ext_json_invalid', params: { appid: fx.appids[9] } });

  // Faults really happened, on the calls that matter, and were absorbed.
  const calls = await fx.h.calls();
  const failed = calls.filter((c) => c.errcode !== 0);
  expect(failed.length).toBeGreaterThan(calls.length * 0.1);
  const retried = job.items.filter((i) => i.attempts > 0 && i.state === 'released').length;
  expect(retried).toBeGreaterThanOrEqual(1);
  // Never a second accepted submission for one mini-program: 23 for 22 releases and one rejection.
  expect((await fx.h.calls('/wxa/submit_audit')).filter((c) => c.errcode === 0)).toHaveLength(23);
}, 120_000);
