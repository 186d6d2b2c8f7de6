import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../src-main/core/release/ledger/ledger.js';
import { reconcileVersions } from '../../src-main/core/release/ledger/reconcile-versions.js';
import type { ReleaseHarness } from './release-harness.js';
import { startReleaseHarness } from './release-harness.js';

describe('version ledger against the simulator', () => {
  let h: ReleaseHarness;
  let t1: number;
  let t2: number;
  beforeEach(async () => {
    h = await startReleaseHarness();
    t1 = (await h.lib.templates.addDraft(await h.upload('1.0.0'))).templateId;
    t2 = (await h.lib.templates.addDraft(await h.upload('2.0.0'))).templateId;
  });
  afterEach(() => h.close());
  const rd = () => ({ api: h.api, ledger: h.ledger, logger: h.logger });
  /** A version released outside wxfleet (another tool, WeChat's console). */
  const releaseOutside = async (appid: string, templateId: number, userVersion: string): Promise<void> => {
    await h.api.commit(appid, {
      template_id: templateId,
      ext_json: `{"extAppid":"${appid}"}`,
      user_version: userVersion,
      user_desc: 'x',
    });
    await h.control('POST', '/clock/advance', { seconds: 10 });
    await h.api.submitAudit(appid, {});
    await h.control('POST', '/audit/decide', { outcome: 'success', appid, now: true });
    await h.api.release(appid);
  };

  it('tells the story of a rejection: sanitized reason, screenshots, audit id, job, ext_json hash', async () => {
    const [a] = await h.onboard(1);
    if (!a) throw new Error('onboarding failed');
    await h.commit(a, t1, '1.0.0');
    const reason = '<script>alert(1)</script>页面空白<br><a href="javascript:alert(2)">详情</a>';
    const auditId = await h.audit(a, 'fail', reason);
    const list = await h.app.handlers['ledger:list'](a);
    expect(list.map((e) => e.kind)).toEqual(['commit', 'submit_audit', 'audit_rejected']);
    const [commit, , rejected] = list;
    expect(commit).toMatchObject({ templateId: t1, userVersion: '1.0.0', jobId: 'job-1' });
    expect(h.ledger.extJsonText(commit?.extJsonHash ?? '')).toContain(`"extAppid":"${a}"`);
    expect(rejected?.auditId).toBe(auditId);
    expect(rejected?.reason).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;页面空白<br>&lt;a href=&quot;javascript:alert(2)&quot;&gt;详情&lt;/a&gt;',
    );
    expect(rejected?.screenshots).toHaveLength(2);
    expect(list.map((e) => e.at)).toEqual([...list.map((e) => e.at)].sort());
    // Durable: a reopened ledger reads the same story.
    const reopened = await openLedger({ dir: `${h.paths.storeDir}/ledger`, logger: h.logger, clock: h.libDeps.clock });
    expect(await reopened.list(a)).toEqual(list);
  });

  it('reconciles with getversioninfo only where WeChat disagrees', async () => {
    const [a] = await h.onboard(1);
    if (!a) throw new Error('onboarding failed');
    await h.commit(a, t1, '1.0.0');
    await h.audit(a, 'success');
    await h.release(a);
    expect(await reconcileVersions(rd(), a)).toEqual([]);

    await releaseOutside(a, t2, '2.0.0');

    const recorded = await reconcileVersions(rd(), a, 'job-9');
    expect(recorded.map((e) => [e.kind, e.userVersion, e.templateId, e.jobId])).toEqual([
      ['reconciled', '2.0.0', null, 'job-9'],
      ['reconciled', '2.0.0', null, 'job-9'],
    ]);
    expect(recorded.map((e) => e.detail)).toEqual([
      { code: 'ledger_reconciled', params: { side: 'experience', wechat: '2.0.0', ledger: '1.0.0' } },
      { code: 'ledger_reconciled', params: { side: 'online', wechat: '2.0.0', ledger: '1.0.0' } },
    ]);
    expect(await reconcileVersions(rd(), a)).toEqual([]);
    expect((await h.calls('/wxa/getversioninfo')).length).toBe(3);
  });

  it('answers the drift query: who is not on the target template or its version', async () => {
    const [onT1, onT2, never, outside] = await h.onboard(4);
    if (!onT1 || !onT2 || !never || !outside) throw new Error('onboarding failed');
    for (const [appid, t, v] of [
      [onT1, t1, '1.0.0'],
      [onT2, t2, '2.0.0'],
      [outside, t2, '2.0.0'],
    ] as const) {
      await h.commit(appid, t, v);
      await h.audit(appid, 'success');
      await h.release(appid);
    }
    await h.lib.templates.setDefault(t2);
    expect(h.lib.templates.drift()).toEqual(
      [
        { appid: onT1, onlineTemplateId: t1, onlineUserVersion: '1.0.0', reason: 'other_template' },
        { appid: never, onlineTemplateId: null, onlineUserVersion: null, reason: 'nothing_online' },
      ].sort((x, y) => x.appid.localeCompare(y.appid)),
    );
    expect(
      h.lib.templates
        .drift(t1)
        .map((r) => r.appid)
        .sort(),
    ).toEqual([onT2, never, outside].sort());

    // A release outside wxfleet: reconciliation makes the drift query see it.
    await releaseOutside(outside, t2, '2.0.1');
    expect(h.lib.templates.drift().map((r) => r.appid)).not.toContain(outside);
    await reconcileVersions(rd(), outside);
    expect(h.lib.templates.drift().find((r) => r.appid === outside)).toEqual({
      appid: outside,
      onlineTemplateId: null,
      onlineUserVersion: '2.0.1',
      reason: 'unknown_template',
    });
  });
});
