import { afterEach, expect, it } from 'vitest';
import type { JobDetail } from '../../src-main/contract/release.js';
import type { ReleaseFixture } from './jobs-fixture.js';
import { startReleaseFixture } from './jobs-fixture.js';

let f: ReleaseFixture | undefined;
afterEach(async () => f?.close());

const deploy = async (fx: ReleaseFixture, templateId: number, version: string, canary: number): Promise<JobDetail> => {
  const job = await fx.handlers['jobs:startDeploy']({
    templateId,
    appids: fx.appids,
    userVersion: version,
    userDesc: `build ${version}`,
    canary,
    autoRelease: true,
    concurrency: 16,
  });
  return fx.waitJob(job.id, ['finished', 'paused'], 60_000);
};

it('moves 50 mini-programs from template A to B with a canary of 3; the rejected one keeps reason and screenshots', async () => {
  f = await startReleaseFixture({ apps: 50 });
  const fx = f;
  const a = await fx.addTemplate('1.0.0');
  const b = await fx.addTemplate('2.0.0');
  const jobA = await deploy(fx, a, '1.0.0', 0);
  expect(jobA.status).toBe('finished');
  expect(jobA.counts.released).toBe(50);

  const rejected = fx.appids[20] ?? '';
  await fx.h.control('POST', '/audit/decide', {
    outcome: 'fail',
    appid: rejected,
    reason: '1: <b onclick="x()">页面内容与类目不符</b><br>(1) 首页无商品',
    screenshots: 2,
  });
  const jobB = await deploy(fx, b, '2.0.0', 3);
  expect(jobB.status).toBe('finished');
  expect(jobB.counts).toEqual({ released: 49, rejected: 1 });
  const bad = jobB.items.find((i) => i.appid === rejected);
  expect(bad?.state).toBe('rejected');
  expect(bad?.error).toMatchObject({ code: 'audit_rejected', params: { appid: rejected } });
  expect(bad?.error?.params?.['reason']).toContain('页面内容与类目不符');

  // Canary first: no other mini-program was committed before the three canaries passed their audit.
  const canary = fx.appids.slice(0, 3);
  const seqOf = (appid: string, kind: string): number[] =>
    fx.ledger
      .entries(appid)
      .filter((e) => e.jobId === jobB.id && e.kind === kind)
      .map((e) => e.seq);
  const lastCanaryPass = Math.max(...canary.flatMap((id) => seqOf(id, 'audit_passed')));
  const firstOtherCommit = Math.min(...fx.appids.slice(3).flatMap((id) => seqOf(id, 'commit')));
  expect(lastCanaryPass).toBeLessThan(firstOtherCommit);

  // The ledger of each mini-program tells the whole story: A, then B, with ext_json hash, audit id and release.
  for (const appid of fx.appids) {
    const story = fx.ledger.entries(appid).map((e) => `${e.kind}@${e.templateId ?? '-'}`);
    const end = appid === rejected ? [`audit_rejected@${b}`] : [`audit_passed@${b}`, `release@${b}`];
    expect(story).toEqual([
      `commit@${a}`,
      `submit_audit@${a}`,
      `audit_passed@${a}`,
      `release@${a}`,
      `commit@${b}`,
      `submit_audit@${b}`,
      ...end,
    ]);
    const entries = fx.ledger.entries(appid).filter((e) => e.jobId === jobB.id);
    const commit = entries.find((e) => e.kind === 'commit');
    expect(commit?.extJsonHash).toMatch(/^[0-9a-f]{64}$/);
    expect(fx.ledger.extJsonText(commit?.extJsonHash ?? '')).toContain(appid);
    const auditIds = new Set(entries.filter((e) => e.auditId !== null).map((e) => e.auditId));
    expect(auditIds.size).toBe(1);
  }
  const rejection = fx.ledger.entries(rejected).find((e) => e.kind === 'audit_rejected');
  expect(rejection?.reason).toContain('页面内容与类目不符');
  expect(rejection?.reason).not.toMatch(/<b[ >]/);
  expect(rejection?.reason).toContain('&lt;b onclick');
  expect(rejection?.screenshots).toHaveLength(2);

  const row = (await fx.handlers['audits:list']()).find((r) => r.appid === rejected);
  expect(row?.state).toBe('rejected');
  const shot = await fx.handlers['audits:screenshot'](rejected, row?.screenshots[0] ?? '');
  expect(shot).toMatch(/^data:image\/jpeg;base64,\/9j\//);

  // WeChat's side agrees: 49 run 2.0.0, the rejected one still runs 1.0.0.
  const state = await fx.h.control<{ apps?: unknown }>('GET', '/state');
  expect(JSON.stringify(state)).toContain('2.0.0');
  const online = await fx.h.api.getVersionInfo(rejected);
  expect(online.release_info?.release_version).toBe('1.0.0');
  expect(fx.pushes.received).toBeGreaterThanOrEqual(100);

  const notices = fx.events.filter((e) => e.channel === 'app:notice').map((e) => (e.payload as { kind: string }).kind);
  expect(notices.filter((k) => k === 'audit_rejected')).toHaveLength(1);
  expect(notices.filter((k) => k === 'job_finished')).toHaveLength(2);
  expect(fx.events.some((e) => e.channel === 'jobs:progress')).toBe(true);
}, 120_000);
