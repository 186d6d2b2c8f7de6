import { afterEach, expect, it } from 'vitest';
import { WeChatError } from '../../src-main/core/wechat/client/wechat-error.js';
import type { ReleaseFixture } from './jobs-fixture.js';
import { startReleaseFixture } from './jobs-fixture.js';

let f: ReleaseFixture | undefined;
afterEach(async () => f?.close());

const noticeKinds = (fx: ReleaseFixture): string[] =>
  fx.events.filter((e) => e.channel === 'app:notice').map((e) => (e.payload as { kind: string }).kind);

it('pauses on 85085 half way and says why; once the quota is back it resumes and finishes', async () => {
  // submit_audit limited to 2 a second (the per-endpoint token bucket), so the job is still submitting when the
  // quota runs out.
  f = await startReleaseFixture({
    apps: 22,
    sim: { audit: { monthlyQuota: 16 } },
    settings: { rateByEndpoint: { submitAudit: { perSecond: 2, burst: 1 } } },
  });
  const fx = f;
  const templateId = await fx.addTemplate('5.0.0');
  const jobApps = fx.appids.slice(0, 12);
  const others = fx.appids.slice(12);
  // Another team member's work on the same platform: code committed, ready to be submitted.
  for (const appid of others) {
    await fx.h.api.commit(appid, {
      template_id: templateId,
      ext_json: '{}',
      user_version: 'other',
      user_desc: 'other',
    });
  }
  const started = await fx.handlers['jobs:startDeploy']({
    templateId,
    appids: jobApps,
    userVersion: '5.0.0',
    userDesc: 'quota',
    canary: 0,
    autoRelease: true,
    concurrency: 2,
  });
  expect((await fx.handlers['audits:quota']()).remaining).toBe(16);
  // Half way through the job, the other submissions spend the rest of the platform's monthly quota.
  const until = Date.now() + 30_000;
  while ((await fx.handlers['jobs:get'](started.id)).counts.auditing === undefined && Date.now() < until)
    await new Promise((r) => setTimeout(r, 100));
  for (const appid of others) {
    try {
      await fx.h.api.submitAudit(appid, {});
    } catch (err) {
      if (err instanceof WeChatError && err.errcode === 85085) break;
      throw err;
    }
  }
  const paused = await fx.waitJob(started.id, ['paused', 'finished'], 30_000);
  expect(paused.status).toBe('paused');
  expect(paused.pauseReason).toEqual({ code: 'pause_quota_exhausted', errcode: 85085 });
  expect(noticeKinds(fx)).toContain('job_paused');
  const submitted = paused.items.filter(
    (i) => !['pending', 'committing', 'committed', 'scanning', 'submitting'].includes(i.state),
  );
  expect(submitted.length).toBeGreaterThan(0);
  expect(submitted.length).toBeLessThan(12);

  // A new month: the quota is back and the paused job picks itself up.
  await fx.h.control('POST', '/clock/advance', { seconds: 32 * 86400 });
  const done = await fx.waitJob(started.id, ['finished'], 60_000);
  expect(done.counts).toEqual({ released: 12 });
  expect((await fx.h.calls('/wxa/submit_audit')).filter((c) => c.errcode === 85085).length).toBeGreaterThan(0);
}, 120_000);

it('stops at the audit budget the user agreed to, and goes on when resumed', async () => {
  f = await startReleaseFixture({ apps: 5 });
  const fx = f;
  const templateId = await fx.addTemplate('6.0.0');
  const started = await fx.handlers['jobs:startDeploy']({
    templateId,
    appids: fx.appids,
    userVersion: '6.0.0',
    userDesc: 'budget',
    canary: 0,
    autoRelease: true,
    auditBudget: 3,
  });
  const paused = await fx.waitJob(started.id, ['paused'], 30_000);
  expect(paused.pauseReason).toEqual({ code: 'pause_budget_spent', params: { budget: 3 } });
  expect((await fx.h.calls('/wxa/submit_audit')).filter((c) => c.errcode === 0).length).toBe(3);
  await fx.handlers['jobs:resume'](started.id);
  const done = await fx.waitJob(started.id, ['finished'], 30_000);
  expect(done.counts).toEqual({ released: 5 });
}, 60_000);
