import { afterEach, expect, it } from 'vitest';
import { WeChatError } from '../../src-main/core/wechat/client/wechat-error.js';
import type { ReleaseHarness } from './release-harness.js';
import { startReleaseHarness } from './release-harness.js';

let h: ReleaseHarness | undefined;
afterEach(async () => h?.close());

const simTemplates = async (harness: ReleaseHarness) =>
  (await harness.control<{ templates: { template_id: number; draft_id: number }[] }>('GET', '/state')).templates;

it('adding a draft that is already a template returns that template instead of a duplicate', async () => {
  h = await startReleaseHarness();
  const draft = await h.upload('4.0.0', 'loyalty cards');
  const first = await h.app.handlers['templates:addDraft'](draft);
  expect(first.alreadyInLibrary).toBeUndefined();
  const second = await h.app.handlers['templates:addDraft'](draft);
  expect(second).toMatchObject({ templateId: first.templateId, userVersion: '4.0.0', alreadyInLibrary: true });
  expect(await simTemplates(h)).toHaveLength(1);
  expect((await h.calls('/wxa/addtotemplate')).length).toBe(1);
  // The same version uploaded again later is a new draft, and becomes a new template.
  const reupload = await h.upload('4.0.0', 'loyalty cards');
  const third = await h.app.handlers['templates:addDraft'](reupload);
  expect(third.templateId).not.toBe(first.templateId);
  expect(await simTemplates(h)).toHaveLength(2);
});

it('a platform refused the template APIs (48001) gets WeChat’s errcode, and nothing is stored', async () => {
  h = await startReleaseHarness({ sim: { templatesUnauthorized: 'addtotemplate' } });
  const draft = await h.upload('1.0.0');
  const err = await h.app.handlers['templates:addDraft'](draft).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WeChatError);
  expect((err as WeChatError).errcode).toBe(48001);
  expect(h.store.templates.data.templates).toEqual([]);
  expect((await h.app.handlers['templates:sync']()).drafts).toHaveLength(1);
});
