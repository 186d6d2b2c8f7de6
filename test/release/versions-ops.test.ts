import { afterEach, expect, it } from 'vitest';
import type { ReleaseFixture } from './jobs-fixture.js';
import { startReleaseFixture } from './jobs-fixture.js';

let f: ReleaseFixture | undefined;
afterEach(async () => f?.close());

async function deploy(fx: ReleaseFixture, version: string, autoRelease: boolean): Promise<void> {
  const templateId = fx.templates[version] ?? (await fx.addTemplate(version));
  const job = await fx.handlers['jobs:startDeploy']({
    templateId,
    appids: fx.appids,
    userVersion: version,
    userDesc: version,
    canary: 0,
    autoRelease,
  });
  const done = await fx.waitJob(job.id, ['finished', 'paused'], 30_000);
  expect(done.status).toBe('finished');
}

const kinds = (fx: ReleaseFixture, appid: string): string[] => fx.ledger.entries(appid).map((e) => e.kind);

it('rolls back, releases in gray steps, closes and reopens service — each step in the ledger', async () => {
  f = await startReleaseFixture({ apps: 1 });
  const fx = f;
  const appid = fx.appids[0] ?? '';
  await deploy(fx, '1.0.0', true);
  await deploy(fx, '1.1.0', true);
  const history = await fx.handlers['versions:revert'](appid);
  expect(history.online?.userVersion).toBe('1.0.0');
  expect((await fx.h.api.getVersionInfo(appid)).release_info?.release_version).toBe('1.0.0');
  await expect(fx.handlers['versions:revert'](appid)).rejects.toMatchObject({
    reason: { code: 'version_op_refused', errcode: 87012 },
  });

  await deploy(fx, '1.2.0', false);
  expect((await fx.handlers['audits:list']()).find((r) => r.appid === appid)?.state).toBe('passed');
  const ten = await fx.handlers['versions:grayRelease'](appid, 10);
  expect(ten).toMatchObject({ status: 1, percentage: 10 });
  const thirty = await fx.handlers['versions:grayRelease'](appid, 30);
  expect(thirty.percentage).toBe(30);
  await expect(fx.handlers['versions:grayRelease'](appid, 20)).rejects.toMatchObject({ reason: { errcode: 85082 } });
  await expect(fx.handlers['versions:revert'](appid)).rejects.toMatchObject({ reason: { errcode: 87011 } });
  await fx.handlers['versions:revertGray'](appid);

  await fx.handlers['versions:setVisit'](appid, 'close');
  expect((await fx.h.api.getVisitStatus(appid)).status).toBe(0);
  await fx.handlers['versions:setVisit'](appid, 'open');
  expect((await fx.h.api.getVisitStatus(appid)).status).toBe(1);

  expect(kinds(fx, appid).slice(8)).toEqual([
    'revert',
    'commit',
    'submit_audit',
    'audit_passed',
    'gray_release',
    'gray_release',
    'revert_gray',
    'visit_status',
    'visit_status',
  ]);
  const revert = fx.ledger.entries(appid).find((e) => e.kind === 'revert');
  expect(revert?.detail).toContain('1.0.0');
}, 60_000);

it('counts withdrawals and refuses the 6th of a day and the 11th of a month before WeChat says 87013', async () => {
  f = await startReleaseFixture({ apps: 1, sim: { privacyScanSeconds: 0, audit: { durationSeconds: 3600 } } });
  const fx = f;
  const appid = fx.appids[0] ?? '';
  const templateId = await fx.addTemplate('2.0.0');
  const submitAndWithdraw = async (): Promise<void> => {
    await fx.h.api.commit(appid, { template_id: templateId, ext_json: '{}', user_version: '2.0.0', user_desc: 'w' });
    await fx.h.api.submitAudit(appid, {});
    expect((await fx.handlers['audits:refresh'](appid)).state).toBe('auditing');
    expect((await fx.handlers['audits:withdraw'](appid)).state).toBe('withdrawn');
  };
  for (let i = 0; i < 5; i++) await submitAndWithdraw();
  await fx.h.api.commit(appid, { template_id: templateId, ext_json: '{}', user_version: '2.0.0', user_desc: 'w' });
  await fx.h.api.submitAudit(appid, {});
  await fx.handlers['audits:refresh'](appid);
  await expect(fx.handlers['audits:withdraw'](appid)).rejects.toMatchObject({
    reason: { code: 'withdraw_refused', params: { per: 'day', limit: 5 }, errcode: 87013 },
  });
  await fx.handlers['audits:speedup'](appid);
  expect(kinds(fx, appid)).toContain('speedup');
  expect(await fx.h.calls('/wxa/undocodeaudit')).toHaveLength(5);

  // A withdrawal made elsewhere (mp.weixin.qq.com) that wxfleet did not see: WeChat says 87013, and from then on
  // the limit is known here too.
  await fx.h.store.release.update((d) => {
    const c = d.withdrawals[appid];
    if (c) c.dayCount = 0;
  });
  await expect(fx.handlers['audits:withdraw'](appid)).rejects.toMatchObject({ errcode: 87013 });
  await expect(fx.handlers['audits:withdraw'](appid)).rejects.toMatchObject({ reason: { params: { per: 'day' } } });
  expect(await fx.h.calls('/wxa/undocodeaudit')).toHaveLength(6);

  // The next day the daily allowance is back; the monthly one (10) still counts.
  await fx.h.control('POST', '/clock/advance', { seconds: 86400 });
  fx.clock.shift(86400_000);
  for (let i = 0; i < 5; i++) await submitAndWithdraw();
  await fx.h.api.commit(appid, { template_id: templateId, ext_json: '{}', user_version: '2.0.0', user_desc: 'w' });
  await fx.h.api.submitAudit(appid, {});
  await fx.handlers['audits:refresh'](appid);
  await expect(fx.handlers['audits:withdraw'](appid)).rejects.toMatchObject({
    reason: { code: 'withdraw_refused', params: { per: 'month', limit: 10 } },
  });
  expect((await fx.h.calls('/wxa/undocodeaudit')).filter((c) => c.errcode === 0)).toHaveLength(10);
  expect(kinds(fx, appid).filter((k) => k === 'withdraw')).toHaveLength(10);
}, 60_000);
