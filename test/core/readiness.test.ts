/**
 * Merchant readiness against the demo fleet on the real simulator and relay: what WeChat would refuse is seen before
 * any quota is spent, fixed from the console (every write in the ledger), and a deploy sends only ready apps.
 */
import { afterEach, expect, it } from 'vitest';
import type { ReadinessProfile, ReadinessView } from '../../src-main/contract/readiness.js';
import type { App } from '../../src-main/core/app/create-app.js';
import type { World } from './helpers/core-world.js';
import { invoke, startWorld, waitFor } from './helpers/core-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const PROFILE: ReadinessProfile = {
  guide: {
    purposes: [
      { privacyKey: 'UserInfo', text: '用于登录后展示{{nickname}}会员的头像和昵称' },
      { privacyKey: 'Location', text: '用于查找离你最近的门店' },
      { privacyKey: 'Address', text: '用于填写配送地址' },
    ],
    owner: {
      contactPhone: '',
      contactEmail: 'privacy@agency.example',
      contactWeixin: '',
      noticeMethod: '小程序首页弹窗提示',
      storePeriod: '用户注销账号后 30 天内删除',
      storeRegion: 0,
    },
  },
  merchantOwners: {},
  domains: {
    requestdomain: ['https://api.wxfleet-demo.cn'],
    wsrequestdomain: [],
    uploaddomain: [],
    downloaddomain: [],
    webviewdomain: [],
  },
  interfaceReasons: { 'wx.getLocation': '{{nickname}}需要获取用户位置以展示附近门店并计算配送距离' },
};

const item = (view: ReadinessView, key: string) => view.items.find((i) => i.key === key);

it('reads readiness from WeChat, fixes it from the console, and deploys only the ready mini-programs', async () => {
  world = await startWorld(
    {
      privacyScanSeconds: 0,
      audit: { durationSeconds: 2 },
      privacyInterfaces: { reviewSeconds: 1 },
      categories: { reviewSeconds: 1 },
    },
    { seed: 'demo' },
  );
  const w = world;
  const app: App = await w.startCore();
  const { wechat } = app.services;
  await waitFor(() => wechat.tickets.current() !== undefined, 'a ticket through the relay');

  // The first sync finds the demo merchants and reads their readiness in the background.
  const rows = await invoke(app, 'authorizers:sync', null);
  const authorized = rows.filter((r) => r.status === 'authorized').map((r) => r.appid);
  expect(authorized.length).toBe(12);
  await waitFor(
    async () => (await invoke(app, 'authorizers:list', {})).every((r) => r.readiness !== null),
    'every readiness read',
    60_000,
  );
  const id = (nickname: string): string => rows.find((r) => r.nickname === nickname)?.appid ?? '';
  const view = (nickname: string) => invoke(app, 'readiness:get', id(nickname));

  // One of each problem, as WeChat reports it.
  expect(item(await view('川味小面'), 'privacy_guide')).toMatchObject({ state: 'missing', reason: 'guide_missing' });
  expect(item(await view('老王家牛肉面'), 'privacy_interfaces')).toMatchObject({
    state: 'missing',
    reason: 'interface_not_applied',
    params: { apis: 'wx.getLocation' },
  });
  expect(item(await view('萌宠之家'), 'category')).toMatchObject({ state: 'missing', reason: 'no_category' });
  expect(item(await view('素心美甲预约'), 'icp')).toMatchObject({ state: 'missing', reason: 'icp_not_filed' });
  const cake = item(await view('云朵烘焙蛋糕预订'), 'domains');
  expect(cake).toMatchObject({ state: 'missing', reason: 'domains_deleted_at_release', blocksRelease: true });
  expect(cake?.params['domains']).toContain('https://api.yunduo-cake.cn');
  expect((await view('光影时光摄影')).notReady).toEqual([]);
  // The fleet list filters by what holds a mini-program back.
  const noGuide = await invoke(app, 'authorizers:list', { notReady: 'privacy_guide' });
  expect(noGuide.map((r) => r.nickname)).toEqual(['川味小面']);

  // The agency's guide template and domain profile, then every fix the console can make by itself.
  await invoke(app, 'readiness:saveProfile', PROFILE);
  await expect(
    invoke(app, 'readiness:saveProfile', {
      ...PROFILE,
      guide: { ...PROFILE.guide, purposes: [{ privacyKey: 'UserInfo', text: ' ' }] },
    }),
  ).rejects.toThrow(/UserInfo/);
  // 城南洗衣 is left for a release by hand, which applies the domain profile itself.
  const laundry = id('城南洗衣上门取送');
  const fleet = authorized.filter((a) => a !== laundry);
  const fixed = await invoke(app, 'readiness:fixAll', fleet);
  expect(fixed.filter((f) => !f.ok)).toEqual([]);
  expect(item(await view('川味小面'), 'privacy_guide')?.state).toBe('ready');
  expect(item(await view('云朵烘焙蛋糕预订'), 'domains')?.state).toBe('ready');
  const guideWrite = (await invoke(app, 'ledger:list', id('川味小面'))).find((e) => e.kind === 'merchant_setting');
  expect(guideWrite?.detail).toMatchObject({ code: 'ledger_merchant_setting' });
  expect(String(guideWrite?.detail?.params?.['change'])).toMatch(/^setprivacysetting: UserInfo, Location, Address/);
  const direct = await wechat.api.getEffectiveDomain(id('云朵烘焙蛋糕预订'));
  expect(direct.direct_domain.requestdomain).toEqual(['https://api.yunduo-cake.cn']);
  // The location application is decided by WeChat later; its push brings the readiness up to date.
  await waitFor(
    async () => item(await view('老王家牛肉面'), 'privacy_interfaces')?.state === 'ready',
    'the privacy interface granted and pushed',
  );

  // The pre-flight holds back what fixes cannot cover: no category (the merchant must choose), no ICP filing.
  const preflight = await invoke(app, 'readiness:preflight', { appids: fleet, autoRelease: true });
  expect(preflight.held.map((h) => [h.nickname, h.keys])).toEqual(
    expect.arrayContaining([
      ['萌宠之家', ['category']],
      ['素心美甲预约', ['icp']],
    ]),
  );
  expect(preflight.held).toHaveLength(2);
  const icp = await invoke(app, 'readiness:icp', id('素心美甲预约'));
  expect(icp).toMatchObject({ filed: false, status: 1024 });

  // A batch deploy to the whole fleet spends audit quota only on the ready ones.
  const library = await invoke(app, 'templates:sync');
  const booking = library.templates.find((t) => t.userVersion === '2.1.0');
  expect(booking).toBeDefined();
  const submitsBefore = (await w.calls('/wxa/submit_audit')).length;
  const job = await invoke(app, 'jobs:startDeploy', {
    templateId: booking?.templateId ?? 0,
    appids: fleet,
    userVersion: '2.1.0',
    userDesc: 'readiness',
    canary: 0,
    autoRelease: true,
    preflight: true,
  });
  expect(job.total).toBe(9);
  expect(job.heldOut?.map((h) => h.nickname).sort()).toEqual(['素心美甲预约', '萌宠之家'].sort());
  const detail = () => invoke(app, 'jobs:get', job.id);
  await waitFor(
    async () => (await detail()).items.every((i) => ['released', 'rejected', 'failed'].includes(i.state)),
    'every item released or rejected',
    90_000,
  );
  const items = (await detail()).items;
  expect((await w.calls('/wxa/submit_audit')).length - submitsBefore).toBe(9);
  // The fixed guide passes; only the category WeChat could not know in advance is rejected.
  expect(items.filter((i) => i.state !== 'released').map((i) => i.nickname)).toEqual(['青禾瑜伽约课']);
  // The release kept the merchant's own domains because the console moved them before release.
  const after = await wechat.api.getEffectiveDomain(id('云朵烘焙蛋糕预订'));
  expect(after.effective_domain.requestdomain).toEqual(
    expect.arrayContaining(['https://api.wxfleet-demo.cn', 'https://api.yunduo-cake.cn']),
  );

  // The rejection names the category; the readiness shows it and the console adds exactly that one.
  await waitFor(
    async () => item(await view('青禾瑜伽约课'), 'category')?.reason === 'category_required',
    'the rejection read into readiness',
  );
  expect(item(await view('青禾瑜伽约课'), 'category')?.params['category']).toBe('体育-体育场馆服务');
  const [added] = await invoke(app, 'readiness:fix', { action: 'add_category', appids: [id('青禾瑜伽约课')] });
  expect(added).toMatchObject({ ok: true, code: 'category_added', params: { category: '体育-体育场馆服务' } });
  expect(added?.readiness.notReady).toEqual([]);

  // Without auto-release the missing domains do not hold the audit; a release by hand applies the profile first.
  const [laundryView] = await invoke(app, 'readiness:refresh', [laundry]);
  expect(item(laundryView!, 'domains')).toMatchObject({
    reason: 'domains_missing',
    blocksAudit: false,
  });
  const single = await invoke(app, 'jobs:startDeploy', {
    templateId: booking?.templateId ?? 0,
    appids: [laundry],
    userVersion: '2.1.0',
    userDesc: 'by hand',
    canary: 0,
    autoRelease: false,
    preflight: true,
  });
  expect(single.heldOut).toBeUndefined();
  await waitFor(
    async () => (await invoke(app, 'jobs:get', single.id)).items.every((i) => i.state === 'passed'),
    'the laundry passed',
    90_000,
  );
  await invoke(app, 'audits:release', laundry);
  const released = await wechat.api.getEffectiveDomain(laundry);
  expect(released.third_domain.requestdomain).toEqual(['https://api.wxfleet-demo.cn']);
  expect((await invoke(app, 'ledger:list', laundry)).map((e) => e.kind).filter((k) => k !== 'reconciled')).toEqual(
    expect.arrayContaining(['merchant_setting', 'release']),
  );

  // Testers are bound and unbound from the console too; each write is in the ledger.
  const yoga = id('青禾瑜伽约课');
  const [bound] = await invoke(app, 'readiness:fix', { action: 'bind_tester', appids: [yoga], wechatid: 'tester_lin' });
  expect(item(bound!.readiness, 'testers')).toMatchObject({ state: 'ready', params: { count: '1' } });
  const { testers } = await invoke(app, 'authorizers:get', yoga);
  const [unbound] = await invoke(app, 'readiness:fix', {
    action: 'unbind_tester',
    appids: [yoga],
    userstr: testers[0]!,
  });
  expect(unbound?.ok).toBe(true);
  expect(item(unbound!.readiness, 'testers')?.state).toBe('missing');
  const writes = (await invoke(app, 'ledger:list', yoga)).filter((e) => e.kind === 'merchant_setting');
  expect(writes.map((e) => String(e.detail?.params?.['change']))).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/addcategory/),
      expect.stringMatching(/bind_tester/),
      expect.stringMatching(/unbind_tester/),
    ]),
  );
}, 240_000);
