import { WxCrypt } from '@wxfleet/protocol';
import type { HandlersOf } from '../../src-main/contract/handlers.js';
import type { JobDetail, JobStatus } from '../../src-main/contract/release.js';
import type { ReleaseChannel } from '../../src-main/core/app/release-handlers.js';
import type { AppSettingsApi } from '../../src-main/core/fleet/app-settings.js';
import { appSettings } from '../../src-main/core/fleet/app-settings.js';
import type { Clock } from '../../src-main/core/platform/clock/clock.js';
import { systemClock } from '../../src-main/core/platform/clock/clock.js';
import type { Ledger } from '../../src-main/core/release/ledger/ledger.js';
import type { ReleaseSettings } from '../../src-main/core/release/release-settings.js';
import type { SimulatorConfigInput } from '../../simulator/src/index.js';
import type { Emitted } from '../helpers/test-app.js';
import type { Harness } from '../core/helpers/core-harness.js';
import { startHarness } from '../core/helpers/core-harness.js';
import type { AppPushReceiver } from './jobs-push-receiver.js';
import { startAppPushReceiver } from './jobs-push-receiver.js';

export interface FixtureOptions {
  apps: number;
  sim?: SimulatorConfigInput;
  settings?: Partial<ReleaseSettings>;
  /** Appids (by index) left without a privacy guide: WeChat's audit rejects them (05 E22). */
  noPrivacy?: number[];
  /**
   * Appids (by index) not granted the location privacy interface. When set, every template's code calls
   * `wx.getLocation` and every ext_json declares it, so these (and only these) are refused with 61040 on submit.
   */
  noLocationGrant?: number[];
  /** Appids (by index) whose ext_json fails validation. */
  badExtJson?: number[];
}

export interface ReleaseFixture {
  h: Harness;
  /** The release core's clock (system time); `shift` moves it forward, as the simulator's /clock/advance does. */
  clock: Clock & { shift(ms: number): void };
  appids: string[];
  templates: Record<string, number>;
  ledger: Ledger;
  handlers: HandlersOf<ReleaseChannel>;
  /** Everything the app emitted (the same array as `h.emitted`). */
  events: Emitted[];
  pushes: AppPushReceiver;
  addTemplate(userVersion: string): Promise<number>;
  waitJob(id: string, statuses: JobStatus[], timeoutMs: number): Promise<JobDetail>;
  close(): Promise<void>;
}

export const TEST_SETTINGS: Partial<ReleaseSettings> = {
  concurrency: 16,
  scanPollMs: 300,
  auditPollMs: 4_000,
  retry: { maxAttempts: 12, baseDelayMs: 100, maxDelayMs: 1_500 },
  rateLimitedDelayMs: 1_000,
  quotaPollMs: 500,
  progressThrottleMs: 100,
};

export async function setPrivacyGuide(api: AppSettingsApi, appid: string): Promise<void> {
  await appSettings(api).setPrivacy(appid, {
    privacy_ver: 2,
    owner_setting: { contact_email: 'ops@example.com', notice_method: 'in-app notice' },
    setting_list: ['UserInfo', 'Location', 'PhoneNumber', 'Album', 'Camera'].map((privacy_key) => ({
      privacy_key,
      privacy_text: 'to serve the shop',
    })),
  });
}

/** WeChat grants the location privacy interface (as its review of an apply_privacy_interface would). */
export async function grantLocation(fx: Pick<ReleaseFixture, 'h'>, appid: string): Promise<void> {
  await fx.h.control('POST', '/app/update', { appid, privacyInterfaces: { 'wx.getLocation': 5 } });
}

/**
 * The app on a test profile with `apps` onboarded mini-programs and their privacy guides set. Audit pushes reach the
 * app's push bus through a receiver that stands where the relay client stands (the end-to-end and integration tests
 * go through the real relay).
 */
export async function startReleaseFixture(opts: FixtureOptions): Promise<ReleaseFixture> {
  let offset = 0;
  const clock = { ...systemClock, now: () => Date.now() + offset, shift: (ms: number) => void (offset += ms) };
  const pushes = await startAppPushReceiver();
  const sim = opts.sim ?? {};
  const h = await startHarness({
    clock,
    release: { ...TEST_SETTINGS, ...opts.settings },
    sim: {
      ...sim,
      callLogSize: 100_000,
      privacyScanSeconds: sim.privacyScanSeconds ?? 1,
      audit: { durationSeconds: 1, ...sim.audit },
      push: { retries: 0, messageUrlTemplate: pushes.urlTemplate, ...sim.push },
    },
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
  });
  pushes.crypt = new WxCrypt({
    token: h.platform.token,
    encodingAESKey: h.platform.encodingAESKey,
    appId: h.platform.componentAppid,
  });
  pushes.bus = h.app.services.pushBus;
  const appids = await h.onboard(opts.apps);
  const skip = new Set((opts.noPrivacy ?? []).map((i) => appids[i]));
  for (const appid of appids) if (!skip.has(appid)) await setPrivacyGuide(h.api, appid);
  const locationUsers = opts.noLocationGrant;
  if (locationUsers !== undefined) {
    const refused = new Set(locationUsers.map((i) => appids[i]));
    for (const appid of appids.filter((a) => !refused.has(a))) await grantLocation({ h }, appid);
  }
  const { ledger, release } = h.app.services;
  const bad = (opts.badExtJson ?? []).map((i) => appids[i] ?? '');
  const handlers = h.app.handlers;
  const templates: Record<string, number> = {};
  const addTemplate = async (userVersion: string): Promise<number> => {
    const draft = await h.control<{ draft_id: number }>('POST', '/drafts', {
      user_version: userVersion,
      user_desc: userVersion,
      ...(locationUsers !== undefined ? { privacyApis: ['getLocation'] } : {}),
    });
    await h.api.addToTemplate({ draft_id: draft.draft_id });
    const list = await h.api.getTemplateList();
    const id = list.template_list.find((t) => t.user_version === userVersion)?.template_id;
    if (id === undefined) throw new Error(`template ${userVersion} not found`);
    templates[userVersion] = id;
    if (bad.length > 0 || locationUsers !== undefined) {
      // Merchants whose ext_json names another mini-program: refused before anything is sent.
      const wrong = { override: '{"extAppid":"wx0000000000000000"}', variables: {} };
      await release.extJson.save({
        templateId: id,
        base: JSON.stringify({
          extEnable: true,
          extAppid: '{{appid}}',
          ext: { shop: '{{appid}}' },
          ...(locationUsers !== undefined ? { requiredPrivateInfos: ['getLocation'] } : {}),
        }),
        merchants: Object.fromEntries(bad.map((appid) => [appid, wrong])),
      });
    }
    return id;
  };
  return {
    h,
    clock,
    appids,
    templates,
    ledger,
    handlers,
    events: h.emitted,
    pushes,
    addTemplate,
    async waitJob(id, statuses, timeoutMs) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const job = await handlers['jobs:get'](id);
        if (statuses.includes(job.status)) return job;
        if (Date.now() > until)
          throw new Error(`job ${id} is ${job.status} (${JSON.stringify(job.counts)}), not ${statuses.join('/')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await h.close();
      await pushes.close();
    },
  };
}
