import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TemplateChannel } from '../../src-main/core/app/template-handlers.js';
import type { HandlersOf } from '@contract/handlers';
import type { ReleaseHarness } from './release-harness.js';
import { startReleaseHarness } from './release-harness.js';

interface SimApp {
  appid: string;
  experience: { template_id: number; user_version: string } | null;
}

describe('ext_json through the handlers, committed to the simulator', () => {
  let h: ReleaseHarness;
  let handlers: HandlersOf<TemplateChannel>;
  beforeEach(async () => {
    h = await startReleaseHarness();
    handlers = h.app.handlers;
  });
  afterEach(() => h.close());

  it('saves a base with per-merchant variables, validates before sending, and diffs against what was committed', async () => {
    const [a, b] = await h.onboard(2);
    if (!a || !b) throw new Error('onboarding failed');
    const templateId = (await handlers['templates:addDraft'](await h.upload('3.0.0'))).templateId;
    const base = JSON.stringify(
      { extEnable: true, extAppid: '{{appid}}', ext: { shopId: '{{shopId}}', apiBase: '{{apiBase}}' } },
      null,
      2,
    );
    const saved = await handlers['extjson:save']({
      templateId,
      base,
      merchants: {
        [a]: { variables: { shopId: 'S-1', apiBase: 'https://a.example' } },
        [b]: { variables: { shopId: 'S-2' }, override: '{"window":{"navigationBarTitleText":"B"}}' },
      },
    });
    expect(await handlers['extjson:get'](templateId)).toEqual(saved);
    expect(h.store.extJson.data.byTemplate[String(templateId)]?.merchants[a]?.variables).toEqual({
      shopId: 'S-1',
      apiBase: 'https://a.example',
    });

    const [pa, pb] = await handlers['extjson:preview'](templateId, [a, b]);
    expect(pa?.errors).toEqual([]);
    expect(JSON.parse(pa?.extJson ?? '')).toMatchObject({ extAppid: a, ext: { shopId: 'S-1' } });
    expect(pb?.errors).toEqual(['unknown variable {{apiBase}} at $.ext.apiBase']);
    await expect(h.commit(b, templateId, '3.0.0')).rejects.toThrow('unknown variable {{apiBase}}');

    await h.commit(a, templateId, '3.0.0');
    const state = await h.control<{ merchants: { apps: SimApp[] }[] }>('GET', '/state');
    const app = state.merchants.flatMap((m) => m.apps).find((x) => x.appid === a);
    expect(app?.experience).toMatchObject({ template_id: templateId, user_version: '3.0.0' });
    expect((await h.calls('/wxa/commit')).length).toBe(1);

    expect((await handlers['extjson:preview'](templateId, [a]))[0]?.diff).toEqual([]);
    const config = await handlers['extjson:get'](templateId);
    await handlers['extjson:save']({
      ...config,
      merchants: { ...config.merchants, [a]: { variables: { shopId: 'S-1', apiBase: 'https://a2.example' } } },
    });
    const diff = (await handlers['extjson:preview'](templateId, [a]))[0]?.diff ?? [];
    expect(diff.filter((l) => /^[-+]/.test(l))).toEqual([
      '-    "apiBase": "https://a.example"',
      '+    "apiBase": "https://a2.example"',
    ]);
  });
});
