import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemplateInUseError } from '../../src-main/core/release/templates/template-errors.js';
import { createTemplateLibrary } from '../../src-main/core/release/templates/template-library.js';
import type { WeChatApi } from '../../src-main/core/wechat/client/wechat-api.js';
import { WeChatError } from '../../src-main/core/wechat/client/wechat-error.js';
import type { ReleaseHarness } from './release-harness.js';
import { startReleaseHarness } from './release-harness.js';

interface SimTemplate {
  template_id: number;
  draft_id: number;
}

describe('template library against the simulator', () => {
  let h: ReleaseHarness;
  beforeEach(async () => {
    h = await startReleaseHarness();
  });
  afterEach(() => h.close());

  const simTemplates = async (): Promise<SimTemplate[]> =>
    (await h.control<{ templates: SimTemplate[] }>('GET', '/state')).templates;

  it('syncs drafts and templates into the store and the view', async () => {
    const handlers = h.app.handlers;
    const d1 = await h.upload('1.0.0');
    await h.upload('1.1.0');
    await h.api.addToTemplate({ draft_id: d1 });
    const view = await handlers['templates:sync']();
    expect(view.drafts.map((d) => d.userVersion)).toEqual(['1.1.0', '1.0.0']);
    expect(view.templates).toMatchObject([{ userVersion: '1.0.0', isDefault: false, usedBy: [] }]);
    expect(view).toMatchObject({ cap: 200, nearCap: false, defaultTemplateId: null });
    expect(h.store.templates.data.templates).toHaveLength(1);
    expect(h.emitted.map((e) => e.channel)).toEqual(['templates:changed']);
    expect(await handlers['templates:get']()).toEqual(view);
  });

  it('finds the new template_id of a draft even when another draft is added at the same moment', async () => {
    const mine = await h.upload('2.0.0', 'checkout');
    const theirs = await h.upload('2.0.1', 'checkout');
    // Another console adds its draft right after ours, before our "after" list, so the highest id is not ours;
    // WeChat's list also omits draft_id here (the legacy shape): only version/description/source/time tell them apart.
    const api = {
      ...h.api,
      addToTemplate: async (...args: Parameters<WeChatApi['addToTemplate']>) => {
        const res = await h.api.addToTemplate(...args);
        await h.api.addToTemplate({ draft_id: theirs });
        return res;
      },
      getTemplateList: async () => {
        const res = await h.api.getTemplateList();
        return { ...res, template_list: res.template_list.map(({ draft_id: _d, ...t }) => t) };
      },
    };
    const lib = createTemplateLibrary({ ...h.libDeps, api });
    const added = await lib.addDraft(mine);
    const truth = await simTemplates();
    expect(truth).toHaveLength(2);
    expect(added.templateId).toBe(truth.find((t) => t.draft_id === mine)?.template_id);
    expect(added.templateId).toBeLessThan(Math.max(...truth.map((t) => t.template_id)));
    expect(added).toMatchObject({ userVersion: '2.0.0', userDesc: 'checkout' });
    // With draft_id listed (the newer shape), the plain library finds it too.
    const third = await h.upload('2.0.2');
    const next = await h.lib.templates.addDraft(third);
    expect(next.templateId).toBe((await simTemplates()).find((t) => t.draft_id === third)?.template_id);
    expect(h.store.templates.data.templates.map((t) => t.templateId).sort()).toEqual(
      (await simTemplates()).map((t) => t.template_id).sort(),
    );
  });

  it('refuses to delete a template in use and says where; deletes it once unused', async () => {
    const [a, b] = await h.onboard(2);
    if (!a || !b) throw new Error('onboarding failed');
    const t1 = (await h.lib.templates.addDraft(await h.upload('1.0.0'))).templateId;
    const t2 = (await h.lib.templates.addDraft(await h.upload('2.0.0'))).templateId;
    await h.commit(a, t1, '1.0.0');
    await h.audit(a, 'success');
    await h.release(a);
    await h.commit(b, t1, '1.0.0');

    const refused = await h.lib.templates.remove(t1).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TemplateInUseError);
    expect((refused as TemplateInUseError).uses).toEqual(
      [
        { appid: a, where: ['online', 'experience'] },
        { appid: b, where: ['experience'] },
      ].sort((x, y) => x.appid.localeCompare(y.appid)),
    );
    expect((refused as TemplateInUseError).reason.params?.['appids']).toContain(`${a} (online, experience)`);
    expect(
      h.lib.templates
        .view()
        .templates.find((t) => t.templateId === t1)
        ?.usedBy.sort(),
    ).toEqual([a, b].sort());
    expect(await h.calls('/wxa/deletetemplate')).toHaveLength(0);

    // A job about to commit t2 keeps it too.
    const guarded = createTemplateLibrary({ ...h.libDeps, pendingUse: (id) => (id === t2 ? [a] : []) });
    await expect(guarded.remove(t2)).rejects.toMatchObject({ reason: { code: 'template_in_use' } });

    await h.commit(a, t2, '2.0.0');
    await h.audit(a, 'success');
    await h.release(a);
    await h.commit(b, t2, '2.0.0');
    const view = await h.lib.templates.remove(t1);
    expect(view.templates.map((t) => t.templateId)).toEqual([t2]);
    expect(await h.calls('/wxa/deletetemplate')).toHaveLength(1);
    expect((await simTemplates()).map((t) => t.template_id)).toEqual([t2]);
  });

  it('marks one template as the default for new merchants', async () => {
    const handlers = h.app.handlers;
    const t1 = (await handlers['templates:addDraft'](await h.upload('1.0.0'))).templateId;
    const t2 = (await handlers['templates:addDraft'](await h.upload('2.0.0'))).templateId;
    let view = await handlers['templates:setDefault'](t2);
    expect(view.defaultTemplateId).toBe(t2);
    expect(view.templates.filter((t) => t.isDefault).map((t) => t.templateId)).toEqual([t2]);
    view = await handlers['templates:setDefault'](t1);
    expect(view.templates.filter((t) => t.isDefault).map((t) => t.templateId)).toEqual([t1]);
    await expect(handlers['templates:setDefault'](999)).rejects.toMatchObject({
      reason: { code: 'template_not_found', params: { templateId: 999 } },
    });
    await expect(handlers['templates:delete'](t1)).rejects.toMatchObject({ reason: { code: 'template_is_default' } });
    expect(h.store.templates.data.defaultTemplateId).toBe(t1);
  });

  it('warns near the 200-template cap and surfaces 85065 when full', async () => {
    const drafts = await Promise.all(Array.from({ length: 200 }, (_, i) => h.upload(`0.0.${i}`)));
    for (const id of drafts.slice(0, 179)) await h.api.addToTemplate({ draft_id: id });
    expect((await h.lib.templates.sync()).nearCap).toBe(false);
    await h.lib.templates.addDraft(drafts[179] ?? 0);
    expect(h.lib.templates.view()).toMatchObject({ nearCap: true, cap: 200 });
    for (const id of drafts.slice(180, 200)) await h.api.addToTemplate({ draft_id: id });
    const full = await h.lib.templates.addDraft(await h.upload('9.9.9')).catch((e: unknown) => e);
    expect(full).toBeInstanceOf(WeChatError);
    expect((full as WeChatError).errcode).toBe(85065);
  });
});
