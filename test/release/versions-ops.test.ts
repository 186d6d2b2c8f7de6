import { afterEach, expect, it } from 'vitest';
import type { VersionJobView } from '../../src-main/contract/release.js';
import { dispatch } from '../../src-main/contract/dispatch.js';
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

it('rolls back to a chosen version, releases in gray steps, closes and reopens service — each step in the ledger', async () => {
  f = await startReleaseFixture({ apps: 1 });
  const fx = f;
  const appid = fx.appids[0] ?? '';
  await deploy(fx, '1.0.0', true);
  await deploy(fx, '1.1.0', true);
  await deploy(fx, '1.2.0', true);
  const state = await fx.handlers['versions:state'](appid);
  expect(state.service).toBe('open');
  expect(state.gray).toBeNull();
  expect(state.history.map((h) => h.userVersion)).toEqual(['1.1.0', '1.0.0']);
  const chosen = state.history.find((h) => h.userVersion === '1.0.0');
  const back = await fx.handlers['versions:revert'](appid, chosen?.appVersion ?? null);
  expect(back.online?.userVersion).toBe('1.0.0');
  expect((await fx.h.api.getVersionInfo(appid)).release_info?.release_version).toBe('1.0.0');
  // WeChat's rule, passed on as WeChat's refusal with its errcode — not an internal error.
  const again = await dispatch(fx.h.app.handlers, 'versions:revert', [appid, null]);
  expect(again).toMatchObject({ ok: false, error: { code: 'wechat_error', errcode: 87012 } });
  const unknown = await dispatch(fx.h.app.handlers, 'versions:revert', [appid, 999]);
  expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });

  await deploy(fx, '1.3.0', false);
  expect((await fx.handlers['audits:list']()).find((r) => r.appid === appid)?.state).toBe('passed');
  const ten = await fx.handlers['versions:grayRelease'](appid, { percentage: 10, testersFirst: true });
  expect(ten).toMatchObject({ status: 1, percentage: 10, testersFirst: true, experiencersFirst: false });
  expect(fx.h.app.services.fleet.row(appid).gray).toEqual({ percentage: 10, userVersion: '1.3.0' });
  const fifty = await fx.handlers['versions:grayRelease'](appid, { percentage: 50 });
  expect(fifty.percentage).toBe(50);
  expect(fx.h.app.services.fleet.row(appid).gray?.percentage).toBe(50);
  expect((await fx.handlers['versions:state'](appid)).gray?.percentage).toBe(50);
  const lower = await dispatch(fx.h.app.handlers, 'versions:grayRelease', [appid, { percentage: 20 }]);
  expect(lower).toMatchObject({ ok: false, error: { code: 'wechat_error', errcode: 85082 } });
  const during = await dispatch(fx.h.app.handlers, 'versions:revert', [appid, null]);
  expect(during).toMatchObject({ ok: false, error: { code: 'wechat_error', errcode: 87011 } });
  const full = await fx.handlers['versions:releaseFully'](appid);
  expect(full.gray).toBeNull();
  expect(full.online?.userVersion).toBe('1.3.0');
  expect((await fx.h.api.getVersionInfo(appid)).release_info?.release_version).toBe('1.3.0');
  expect((await fx.handlers['audits:list']()).find((r) => r.appid === appid)?.state).toBe('released');

  const closed = await fx.handlers['versions:setVisit'](appid, 'close');
  expect(closed.service).toBe('closed');
  expect((await fx.h.api.getVisitStatus(appid)).status).toBe(0);
  expect((await fx.handlers['versions:state'](appid)).service).toBe('closed');
  const open = await fx.handlers['versions:setVisit'](appid, 'open');
  expect(open.service).toBe('open');
  expect((await fx.h.api.getVisitStatus(appid)).status).toBe(1);

  expect(kinds(fx, appid).slice(-9)).toEqual([
    'revert',
    'commit',
    'submit_audit',
    'audit_passed',
    'gray_release',
    'gray_release',
    'release',
    'visit_status',
    'visit_status',
  ]);
  const revert = fx.ledger.entries(appid).find((e) => e.kind === 'revert');
  expect(revert?.userVersion).toBe('1.0.0');

  // The call log has each of these calls with its errcode; the operations log says who did what, from where.
  const calls = fx.h.app.services.staffLogs.calls.list({ appid });
  expect(calls.find((c) => c.endpoint === 'revertCodeRelease' && c.errcode === 87012)).toBeDefined();
  expect(calls.find((c) => c.endpoint === 'grayRelease' && c.errcode === 0)).toBeDefined();
  expect(calls.filter((c) => c.endpoint === 'changeVisitStatus')).toHaveLength(2);
  expect(JSON.stringify(calls)).not.toMatch(/access_token|authorizer_access_token|secret/i);
  const ops = fx.h.app.services.staffLogs.operations.list({ appid });
  const revertOps = ops.filter((o) => o.channel === 'versions:revert');
  expect(revertOps.map((o) => o.ok)).toEqual([false, false, false, true]);
  expect(revertOps[0]).toMatchObject({ errorCode: 'wechat_error', errcode: 87011 });
  expect(ops[0]?.user).not.toBe('');
  expect(ops[0]?.desktop).not.toBe('');
}, 90_000);

it('runs a batch phased release, full release, rollback and service change as jobs in waves', async () => {
  f = await startReleaseFixture({ apps: 4 });
  const fx = f;
  await deploy(fx, '1.0.0', true);
  await deploy(fx, '1.1.0', false);
  const waitVersionJob = async (id: string): Promise<VersionJobView> => {
    for (;;) {
      const job = (await fx.handlers['versionJobs:list']()).find((j) => j.id === id);
      if (job && job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const gray = await fx.handlers['versionJobs:start']({
    action: 'gray',
    appids: fx.appids,
    gray: { percentage: 10 },
    waveSize: 2,
  });
  expect(gray.items.map((i) => i.wave)).toEqual([0, 0, 1, 1]);
  const grayDone = await waitVersionJob(gray.id);
  expect(grayDone).toMatchObject({ status: 'finished', counts: { done: 4 } });
  for (const appid of fx.appids) expect(fx.h.app.services.fleet.row(appid).gray?.percentage).toBe(10);

  // The same step again (a second click, a retry after a crash) sends nothing and fails nothing.
  const graySteps = (): number =>
    fx.h.app.services.staffLogs.calls.list({ search: 'grayRelease' }).filter((c) => c.endpoint === 'grayRelease')
      .length;
  const before = graySteps();
  const same = await fx.handlers['versionJobs:start']({ action: 'gray', appids: fx.appids, gray: { percentage: 10 } });
  expect(await waitVersionJob(same.id)).toMatchObject({ status: 'finished', counts: { done: 4 } });
  expect(graySteps()).toBe(before);
  // A lower share is WeChat's refusal (85082): the first wave fails and the second waits.
  const lower = await fx.handlers['versionJobs:start']({
    action: 'gray',
    appids: fx.appids,
    gray: { percentage: 5 },
    waveSize: 2,
  });
  const paused = await waitVersionJob(lower.id);
  expect(paused).toMatchObject({ status: 'paused', pausedAtWave: 0, counts: { failed: 2, pending: 2 } });
  expect(paused.items[0]?.error?.errcode).toBe(85082);
  // The notice follows the durable pause; wait for it rather than for time.
  await expect
    .poll(() =>
      fx.events.some(
        (e) => e.channel === 'app:notice' && e.payload.kind === 'job_paused' && e.payload.jobId === lower.id,
      ),
    )
    .toBe(true);
  await fx.handlers['versionJobs:cancel'](lower.id);

  const full = await waitVersionJob(
    (await fx.handlers['versionJobs:start']({ action: 'release', appids: fx.appids })).id,
  );
  expect(full).toMatchObject({ status: 'finished', counts: { done: 4 } });
  for (const appid of fx.appids) expect(fx.h.app.services.fleet.row(appid).online?.userVersion).toBe('1.1.0');

  const first = fx.appids[0] ?? '';
  await fx.handlers['versions:revert'](first, null);
  const revert = await waitVersionJob(
    (await fx.handlers['versionJobs:start']({ action: 'revert', appids: fx.appids, waveSize: 1 })).id,
  );
  // The first one was already rolled back: WeChat refuses (87012) and the later waves wait.
  expect(revert.status).toBe('paused');
  expect(revert.pausedAtWave).toBe(0);
  expect(revert.items[0]).toMatchObject({ state: 'failed', error: { errcode: 87012 } });
  expect(revert.items.slice(1).map((i) => i.state)).toEqual(['pending', 'pending', 'pending']);
  const cancelled = await fx.handlers['versionJobs:cancel'](revert.id);
  expect(cancelled.counts.cancelled).toBe(3);

  const close = await waitVersionJob(
    (await fx.handlers['versionJobs:start']({ action: 'close', appids: fx.appids })).id,
  );
  expect(close.status).toBe('finished');
  for (const appid of fx.appids) {
    expect((await fx.h.api.getVisitStatus(appid)).status).toBe(0);
    expect(fx.h.app.services.fleet.row(appid).service).toBe('closed');
  }
  const reopen = await waitVersionJob(
    (await fx.handlers['versionJobs:start']({ action: 'open', appids: fx.appids })).id,
  );
  expect(reopen.status).toBe('finished');
  expect(fx.h.app.services.staffLogs.calls.list({ search: 'changeVisitStatus' })).toHaveLength(8);
}, 120_000);

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

it('resumes a batch version job after a restart, and keeps the call and operations logs', async () => {
  f = await startReleaseFixture({ apps: 3 });
  const fx = f;
  await deploy(fx, '1.0.0', true);
  const before = await fx.handlers['versions:setVisit'](fx.appids[0] ?? '', 'close');
  expect(before.service).toBe('closed');
  // The app stopped while the second item's call was in flight and the third had not started.
  const now = Date.now();
  await fx.h.app.services.store.versionJobs.update((d) => {
    d.jobs['vjob-restart'] = {
      id: 'vjob-restart',
      action: 'close',
      appids: fx.appids,
      gray: null,
      appVersions: {},
      waveSize: 3,
      status: 'running',
      pausedAtWave: null,
      createdAt: now,
      updatedAt: now,
      items: Object.fromEntries(
        fx.appids.map((appid, i) => [
          appid,
          { appid, wave: 0, state: i === 0 ? 'done' : i === 1 ? 'running' : 'pending', error: null, updatedAt: now },
        ]),
      ),
    };
  });
  const again = await fx.h.reopen();
  const finished = await (async () => {
    for (;;) {
      const job = (await again.handlers['versionJobs:list']()).find((j) => j.id === 'vjob-restart');
      if (job?.status === 'finished') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  expect(finished.counts).toEqual({ done: 3 });
  for (const appid of fx.appids) expect((await fx.h.api.getVisitStatus(appid)).status).toBe(0);
  const visits = again.services.staffLogs.calls.list({ search: 'changeVisitStatus' });
  // One before the restart (read back from disk), one for each of the two items left.
  expect(visits.filter((c) => c.endpoint === 'changeVisitStatus')).toHaveLength(3);
  expect(again.services.fleet.row(fx.appids[2] ?? '').service).toBe('closed');
  expect(again.services.staffLogs.operations.list({ search: 'versions:setVisit' })).toHaveLength(1);
}, 90_000);
