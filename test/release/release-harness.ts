import { join } from 'node:path';
import type { EventChannel } from '@contract/ipc';
import type { HarnessOptions, Harness } from '../core/helpers/core-harness.js';
import { startHarness } from '../core/helpers/core-harness.js';
import { systemClock } from '../../src-main/core/platform/clock/clock.js';
import { renderExtJson } from '../../src-main/core/release/extjson/render-ext-json.js';
import type { Ledger } from '../../src-main/core/release/ledger/ledger.js';
import { openLedger } from '../../src-main/core/release/ledger/ledger.js';
import type { ReleaseLibrary, TemplateHandlerDeps } from '../../src-main/core/app/template-handlers.js';
import { createReleaseLibrary } from '../../src-main/core/app/template-handlers.js';

export interface ReleaseHarness extends Harness {
  ledger: Ledger;
  deps: TemplateHandlerDeps;
  lib: ReleaseLibrary;
  emitted: EventChannel[];
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
  const clock = opts.clock ?? systemClock;
  const ledger = await openLedger({ dir: join(h.paths.storeDir, 'ledger'), logger: h.logger, clock });
  const emitted: EventChannel[] = [];
  const deps: TemplateHandlerDeps = {
    store: h.store,
    api: h.api,
    ledger,
    clock,
    logger: h.logger,
    emit: (channel) => emitted.push(channel),
  };
  const lib = createReleaseLibrary(deps);
  return Object.assign(h, {
    ledger,
    deps,
    lib,
    emitted,
    async upload(userVersion: string, userDesc = `build ${userVersion}`) {
      const draft = await h.control<{ draft_id: number }>('POST', '/drafts', {
        user_version: userVersion,
        user_desc: userDesc,
      });
      return draft.draft_id;
    },
    async commit(appid: string, templateId: number, userVersion: string) {
      const r = renderExtJson(deps, templateId, appid);
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
