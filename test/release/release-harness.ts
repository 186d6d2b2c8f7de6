import type { HarnessOptions, Harness } from '../core/helpers/core-harness.js';
import { startHarness } from '../core/helpers/core-harness.js';
import type { Release } from '../../src-main/core/app/wire-release.js';
import { renderExtJson } from '../../src-main/core/release/extjson/render-ext-json.js';
import type { Ledger } from '../../src-main/core/release/ledger/ledger.js';
import type { TemplateLibraryDeps } from '../../src-main/core/release/templates/template-library.js';
import { systemClock } from '../../src-main/core/platform/clock/clock.js';

/** The harness with the release side at hand: its ledger and its library services. */
export interface ReleaseHarness extends Harness {
  ledger: Ledger;
  /** The template library and ext_json services, as the app wired them. */
  lib: Pick<Release, 'templates' | 'extJson'>;
  /** What the app builds its template library from, for a test's own library (a faulty API, a pending job). */
  libDeps: TemplateLibraryDeps;
  /** A DevTools upload into the simulator's draft box; returns its draft_id. */
  upload(userVersion: string, userDesc?: string): Promise<number>;
  /** Commits `templateId` with its rendered ext_json and records it, as the pipeline will. */
  commit(appid: string, templateId: number, userVersion: string): Promise<void>;
  /** Privacy guide, scan wait, submit_audit, an immediate outcome; records submit and result. Returns the auditid. */
  audit(appid: string, outcome: 'success' | 'fail', reason?: string): Promise<number>;
  release(appid: string): Promise<void>;
}

const none = {
  templateId: null,
  userVersion: null,
  extJsonHash: null,
  auditId: null,
  reason: null,
  screenshots: [],
  jobId: null,
  detail: null,
};

export async function startReleaseHarness(opts: HarnessOptions = {}): Promise<ReleaseHarness> {
  const h = await startHarness(opts);
  const { ledger, release, store, logger } = h.app.services;
  const libDeps: TemplateLibraryDeps = { store, api: h.api, ledger, clock: opts.clock ?? systemClock, logger };
  return Object.assign(h, {
    ledger,
    lib: release,
    libDeps,
    async upload(userVersion: string, userDesc = `build ${userVersion}`) {
      const draft = await h.control<{ draft_id: number }>('POST', '/drafts', {
        user_version: userVersion,
        user_desc: userDesc,
      });
      return draft.draft_id;
    },
    async commit(appid: string, templateId: number, userVersion: string) {
      const r = renderExtJson({ store }, templateId, appid);
      if (r.errors.length > 0) throw new Error(r.errors.join('; '));
      await h.api.commit(appid, {
        template_id: templateId,
        ext_json: r.extJson,
        user_version: userVersion,
        user_desc: 'test',
      });
      await ledger.record({
        ...none,
        appid,
        kind: 'commit',
        templateId,
        userVersion,
        extJson: r.extJson,
        jobId: 'job-1',
      });
    },
    async audit(appid: string, outcome: 'success' | 'fail', reason?: string) {
      await h.api.setPrivacySetting(appid, {
        owner_setting: { contact_email: 'ops@example.com', notice_method: '弹窗' },
        setting_list: [{ privacy_key: 'UserInfo', privacy_text: '用于登录' }],
      });
      await h.control('POST', '/clock/advance', { seconds: 10 });
      const { auditid } = await h.api.submitAudit(appid, {});
      await ledger.record({ ...none, appid, kind: 'submit_audit', auditId: auditid, jobId: 'job-1' });
      await h.control('POST', '/audit/decide', {
        outcome,
        appid,
        now: true,
        ...(reason ? { reason, screenshots: 2 } : {}),
      });
      const status = await h.api.getAuditStatus(appid, { auditid });
      const screenshots = (status.screenshot ?? '').split('|').filter(Boolean);
      await ledger.record({
        ...none,
        appid,
        kind: status.status === 0 ? 'audit_passed' : 'audit_rejected',
        auditId: auditid,
        reason: status.reason || null,
        screenshots,
        jobId: 'job-1',
      });
      return auditid;
    },
    async release(appid: string) {
      await h.api.release(appid);
      await ledger.record({ ...none, appid, kind: 'release', templateId: null, userVersion: null, jobId: 'job-1' });
    },
  });
}
