import { afterEach, expect, it } from 'vitest';
import { categoryNamed } from '../../simulator/src/state/category-catalogue.js';
import type { ReleaseFixture } from './jobs-fixture.js';
import { startReleaseFixture } from './jobs-fixture.js';

let f: ReleaseFixture | undefined;
afterEach(async () => f?.close());

const FOOD = categoryNamed('餐饮', '餐饮服务场所/餐饮服务管理企业');
const RETAIL = categoryNamed('商家自营', '服装/鞋/箱包');
const EDU = categoryNamed('教育', '培训机构');
const TOOLS = categoryNamed('工具', '效率');
const FITNESS = categoryNamed('体育', '体育场馆服务');
const ref = (c: { first_id: number; second_id: number }) => ({ first_id: c.first_id, second_id: c.second_id });
const ids = (c: { first_id: number; second_id: number }) => ({ firstId: c.first_id, secondId: c.second_id });

interface SimAudit {
  status: number;
  reason: string;
  categories: { first_id: number; second_id: number }[];
  item: { address?: string; title?: string; tag?: string } | null;
  feedbackInfo: string | null;
}
interface SimApp {
  appid: string;
  latestAudit: SimAudit | null;
  experience: { user_version: string } | null;
}

async function simApps(fx: ReleaseFixture): Promise<Map<string, SimApp>> {
  const state = await fx.h.control<{ merchants: { apps: SimApp[] }[] }>('GET', '/state');
  return new Map(state.merchants.flatMap((m) => m.apps).map((a) => [a.appid, a]));
}

it('submits each mini-program of a batch under its own category and page; a mismatch is rejected, fixed and re-submitted with feedback within the budget', async () => {
  f = await startReleaseFixture({ apps: 3 });
  const fx = f;
  const [shop, school, gym] = fx.appids as [string, string, string];
  // Three services in three categories; the shop and the gym list another category first.
  await fx.h.control('POST', '/app/update', { appid: shop, categories: [FOOD, RETAIL], serviceCategory: ref(RETAIL) });
  await fx.h.control('POST', '/app/update', { appid: school, categories: [EDU], serviceCategory: ref(EDU) });
  await fx.h.control('POST', '/app/update', {
    appid: gym,
    categories: [TOOLS, FITNESS],
    serviceCategory: ref(FITNESS),
  });
  const templateId = await fx.addTemplate('5.0.0');
  const config = await fx.h.app.handlers['extjson:get'](templateId);
  await fx.h.app.handlers['extjson:save']({
    ...config,
    submit: { title: '首页', tags: ['门店', '预约'] },
    merchants: {
      [gym]: { variables: {}, submit: { category: ids(FITNESS), page: 'pages/detail/detail', title: '场馆' } },
    },
  });

  const previews = await fx.h.app.handlers['extjson:submitPreview'](templateId, [shop, gym]);
  expect(previews[0]).toMatchObject({
    item: { secondClass: FOOD.second_class },
    problems: [{ code: 'submit_pages_after_commit' }],
  });
  expect(previews[0]?.categories.map((c) => c.secondId)).toEqual([FOOD.second_id, RETAIL.second_id]);
  expect(previews[1]?.item).toMatchObject({
    secondClass: FITNESS.second_class,
    address: 'pages/detail/detail',
    title: '场馆',
  });

  const job = await fx.handlers['jobs:startDeploy']({
    templateId,
    appids: [shop, school, gym],
    userVersion: '5.0.0',
    userDesc: 'spring menu',
    canary: 0,
    autoRelease: true,
    auditBudget: 3,
  });
  const done = await fx.waitJob(job.id, ['finished'], 60_000);
  expect(done.counts).toEqual({ released: 2, rejected: 1 });
  expect(done.retryable).toBe(1);
  let apps = await simApps(fx);
  expect(apps.get(school)?.latestAudit).toMatchObject({
    status: 0,
    categories: [ref(EDU)],
    item: { title: '首页', tag: '门店 预约' },
  });
  expect(apps.get(gym)?.latestAudit).toMatchObject({
    status: 0,
    categories: [ref(FITNESS)],
    item: { address: 'pages/detail/detail', title: '场馆', tag: '门店 预约' },
  });
  expect(apps.get(shop)?.latestAudit).toMatchObject({ status: 1, categories: [ref(FOOD)] });
  const rejected = done.items.find((i) => i.appid === shop);
  expect(rejected).toMatchObject({ state: 'rejected', retry: 'resubmit' });
  expect(rejected?.reason).toContain(RETAIL.second_class.split('/')[0]);
  expect(done.items.filter((i) => i.appid !== shop).every((i) => i.retry === 'none')).toBe(true);

  // The fix: the shop is submitted under its real category. Its code did not change, so it is submitted again,
  // with feedback for the reviewer; the job's budget of 3 audits is spent, so the job asks before the fourth.
  const fixed = await fx.h.app.handlers['extjson:get'](templateId);
  await fx.h.app.handlers['extjson:save']({
    ...fixed,
    merchants: { ...fixed.merchants, [shop]: { variables: {}, submit: { category: ids(RETAIL) } } },
  });
  const commitsBefore = (await fx.h.calls('/wxa/commit')).length;
  await expect(fx.handlers['jobs:retryFailed'](job.id, { feedbackInfo: 'x'.repeat(201) })).rejects.toThrow(/200/);
  await fx.handlers['jobs:retryFailed'](job.id, { feedbackInfo: '已改为服装类目' });
  const paused = await fx.waitJob(job.id, ['paused', 'finished'], 60_000);
  expect(paused.status).toBe('paused');
  expect((await fx.h.calls('/wxa/submit_audit')).length).toBe(3);
  await fx.handlers['jobs:resume'](job.id);
  const again = await fx.waitJob(job.id, ['finished'], 60_000);
  expect(again.counts).toEqual({ released: 3 });
  expect(again.retryable).toBe(0);
  expect((await fx.h.calls('/wxa/commit')).length).toBe(commitsBefore);
  apps = await simApps(fx);
  expect(apps.get(shop)?.latestAudit).toMatchObject({
    status: 0,
    categories: [ref(RETAIL)],
    feedbackInfo: '已改为服装类目',
  });
});

it('re-commits an item whose ext_json changed after it failed, and skips mini-programs already running the version unless forced', async () => {
  f = await startReleaseFixture({ apps: 2 });
  const fx = f;
  const [a, b] = fx.appids as [string, string];
  for (const appid of fx.appids)
    await fx.h.control('POST', '/app/update', { appid, privacyInterfaces: { 'wx.getLocation': 5 } });
  const draft = await fx.h.control<{ draft_id: number }>('POST', '/drafts', {
    user_version: '1.4.0',
    user_desc: 'nearby stores',
    privacyApis: ['getLocation'],
  });
  const templateId = (await fx.h.app.handlers['templates:addDraft'](draft.draft_id)).templateId;
  const spec = { templateId, appids: [a, b], userVersion: '1.4.0', userDesc: 'nearby', canary: 0, autoRelease: true };
  const job = await fx.handlers['jobs:startDeploy'](spec);
  const failed = await fx.waitJob(job.id, ['finished'], 60_000);
  // The code uses getLocation but the ext_json does not declare it: refused at submission (61040), no audit spent.
  expect(failed.counts).toEqual({ failed: 2 });
  expect(failed.items.map((i) => [i.error?.errcode, i.retry])).toEqual([
    [61040, 'resume'],
    [61040, 'resume'],
  ]);
  await fx.h.app.handlers['extjson:save']({
    templateId,
    base: JSON.stringify({ extEnable: true, extAppid: '{{appid}}', ext: {}, requiredPrivateInfos: ['getLocation'] }),
    merchants: {},
  });
  const planned = await fx.handlers['jobs:get'](job.id);
  expect(planned.items.map((i) => i.retry)).toEqual(['recommit', 'recommit']);
  await fx.handlers['jobs:retryFailed'](job.id);
  const done = await fx.waitJob(job.id, ['finished'], 60_000);
  expect(done.counts).toEqual({ released: 2 });
  expect((await fx.h.calls('/wxa/commit')).length).toBe(4);

  // Deploying the version both already run spends nothing, and says why; forced, it goes through.
  const same = await fx.handlers['jobs:startDeploy'](spec);
  const skipped = await fx.waitJob(same.id, ['finished'], 60_000);
  expect(skipped.counts).toEqual({ skipped: 2 });
  expect(skipped.items.map((i) => i.skipReason)).toEqual(['skip_same_version', 'skip_same_version']);
  expect((await fx.h.calls('/wxa/commit')).length).toBe(4);
  const forced = await fx.handlers['jobs:startDeploy']({ ...spec, appids: [a], force: true });
  expect((await fx.waitJob(forced.id, ['finished'], 60_000)).counts).toEqual({ released: 1 });
  expect((await fx.h.calls('/wxa/commit')).length).toBe(5);
});

it('a released version leaves the passed queue, by hand or by the job', async () => {
  f = await startReleaseFixture({ apps: 2 });
  const fx = f;
  const [a, b] = fx.appids as [string, string];
  const templateId = await fx.addTemplate('3.0.0');
  const job = await fx.handlers['jobs:startDeploy']({
    templateId,
    appids: [a, b],
    userVersion: '3.0.0',
    userDesc: '',
    canary: 0,
    autoRelease: false,
  });
  await fx.waitJob(job.id, ['finished'], 60_000);
  const states = async () => Object.fromEntries((await fx.handlers['audits:list']()).map((r) => [r.appid, r.state]));
  expect(await states()).toEqual({ [a]: 'passed', [b]: 'passed' });
  expect((await fx.handlers['audits:release'](a)).state).toBe('released');
  expect(await states()).toEqual({ [a]: 'released', [b]: 'passed' });
  await expect(fx.handlers['audits:release'](a)).rejects.toThrow(/audit_not_passed/);
  expect((await fx.h.calls('/wxa/release')).length).toBe(1);
  // A later poll that still says "passed" does not put it back in the queue.
  expect((await fx.handlers['audits:refresh'](a)).state).toBe('released');

  const next = await fx.addTemplate('3.1.0');
  const auto = await fx.handlers['jobs:startDeploy']({
    templateId: next,
    appids: [b],
    userVersion: '3.1.0',
    userDesc: '',
    canary: 0,
    autoRelease: true,
  });
  expect((await fx.waitJob(auto.id, ['finished'], 60_000)).counts).toEqual({ released: 1 });
  expect(await states()).toEqual({ [a]: 'released', [b]: 'released' });
});
