/**
 * The app as a user runs it: createApp with the real simulator and relay, every push through the relay, every call
 * through the relay's tunnel. What the screens show must come from the same wiring the hosts use.
 */
import { afterEach, expect, it } from 'vitest';
import type { AuthorizerRow } from '../../src-main/contract/fleet.js';
import type { JobDetail } from '../../src-main/contract/release.js';
import type { App } from '../../src-main/core/app/create-app.js';
import { appSettings } from '../../src-main/core/fleet/app-settings.js';
import type { World } from './helpers/core-world.js';
import { invoke, startWorld, waitFor } from './helpers/core-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const GUIDE = {
  privacy_ver: 2 as const,
  owner_setting: { contact_email: 'ops@example.com', notice_method: '弹窗' },
  setting_list: [{ privacy_key: 'UserInfo', privacy_text: '用于登录' }],
};

const row = async (app: App, appid: string): Promise<AuthorizerRow | undefined> =>
  (await invoke(app, 'authorizers:list', {})).find((r) => r.appid === appid);

/** A template in the library from a DevTools upload, through the app's own channels. */
async function template(w: World, app: App, userVersion: string): Promise<number> {
  const { draft_id: draftId } = await w.control<{ draft_id: number }>('POST', '/drafts', { user_version: userVersion });
  await invoke(app, 'templates:sync');
  return (await invoke(app, 'templates:addDraft', draftId)).templateId;
}

it('shows what WeChat and the release side know: quota, audits, failing jobs, settings, versions, releases', async () => {
  world = await startWorld({ privacyScanSeconds: 0, audit: { durationSeconds: 3600 } });
  const w = world;
  const app = await w.startCore();
  const { wechat, store } = app.services;
  await waitFor(() => wechat.tickets.current() !== undefined, 'a ticket through the relay');
  const [first = '', second = '', broken = '', veteran = ''] = await w.seedApps(4);
  for (const appid of [first, second, broken, veteran]) await w.control('POST', '/merchant/authorize', { appid });
  await waitFor(
    () => [first, second, broken, veteran].every((a) => store.authorizers.data.byAppid[a]?.status === 'authorized'),
    'four authorizations pushed through the relay',
  );
  // What the merchants did on WeChat before or beside the console: privacy guides, a server domain, a tester, and a
  // version the veteran has run since before this console existed.
  const merchant = appSettings(wechat.api);
  for (const appid of [first, second, broken, veteran]) await merchant.setPrivacy(appid, GUIDE);
  await merchant.domains(second, { action: 'set', requestdomain: ['https://api.shop.example'] });
  await merchant.bindTester(second, 'tester_0001');
  const old = await template(w, app, '0.9.0');
  await wechat.api.commit(veteran, { template_id: old, ext_json: '{}', user_version: '0.9.0', user_desc: 'old' });
  const { auditid } = await wechat.api.submitAudit(veteran, {});
  await w.control('POST', '/audit/decide', { outcome: 'success', appid: veteran, now: true });
  await waitFor(async () => (await wechat.api.getAuditStatus(veteran, { auditid })).status === 0, 'veteran passed');
  await wechat.api.release(veteran);

  // A version live before the first sync shows as online once the sync has read getversioninfo.
  expect((await row(app, veteran))?.online).toBeNull();
  await invoke(app, 'authorizers:sync', null);
  // Committed outside the console, so which template it came from is not known.
  expect((await row(app, veteran))?.online).toMatchObject({ userVersion: '0.9.0', templateId: null });

  // The drawer reads the privacy guide, the domains and the testers from WeChat.
  const detail = await invoke(app, 'authorizers:get', second);
  expect(detail.privacyComplete).toBe(true);
  expect(detail.domains.requestdomain).toEqual(['https://api.shop.example']);
  expect(detail.testers).toHaveLength(1);

  // A deploy with one mini-program whose ext_json names another: it fails before anything is sent.
  const current = await template(w, app, '1.0.0');
  await invoke(app, 'extjson:save', {
    templateId: current,
    base: '{"extEnable":true,"extAppid":"{{appid}}","ext":{}}',
    merchants: { [broken]: { variables: {}, override: '{"extAppid":"wx0000000000000000"}' } },
  });
  const job = await invoke(app, 'jobs:startDeploy', {
    templateId: current,
    appids: [first, second, broken],
    userVersion: '1.0.0',
    userDesc: 'one app',
    canary: 0,
    autoRelease: false,
  });
  const states = async (): Promise<JobDetail> => invoke(app, 'jobs:get', job.id);
  await waitFor(async () => {
    const items = (await states()).items;
    return items.filter((i) => i.state === 'auditing').length === 2 && items.some((i) => i.state === 'failed');
  }, 'two under audit and one failed');
  const overview = await invoke(app, 'overview:get');
  expect(overview.auditQuota?.limit).toBeGreaterThan(0);
  expect(overview.auditQuota?.remaining).toBeLessThan(overview.auditQuota?.limit ?? 0);
  expect(overview.auditsInFlight).toBe(2);
  expect(overview.failingJobs).toBe(1);

  // Results arrive as pushes through the relay; releasing one changes its row with no reload, told by an event.
  for (const appid of [first, second])
    await w.control('POST', '/audit/decide', { outcome: 'success', appid, now: true });
  await waitFor(async () => (await states()).items.filter((i) => i.state === 'passed').length === 2, 'both passed');
  expect((await invoke(app, 'overview:get')).auditsInFlight).toBe(0);
  const told = w.emitted.length;
  await invoke(app, 'audits:release', first);
  await waitFor(
    () => w.emitted.slice(told).some((e) => e.channel === 'authorizers:changed' && e.payload.appids.includes(first)),
    'the list told about the release',
  );
  expect((await row(app, first))?.online).toMatchObject({ userVersion: '1.0.0', templateId: current });
  await waitFor(async () => (await states()).items.some((i) => i.appid === first && i.state === 'released'), 'job');

  // The new default template is where the fleet should be: the veteran drifts, the released one does not.
  await invoke(app, 'templates:setDefault', current);
  expect((await row(app, first))?.drift).toBe(false);
  expect((await row(app, veteran))?.drift).toBe(true);
}, 90_000);
