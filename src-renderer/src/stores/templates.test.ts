// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TemplateLibraryView, TemplateView } from '@contract/release';
import { i18n } from '@renderer/i18n';
import { WECHAT_TEMPLATE_PAGE, useTemplatesStore } from '@renderer/stores/templates';
import { installFakeBridge, ok } from '@renderer/testing/fake-bridge';
import { clearNotices, errorNotices } from '@renderer/testing/notices';

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => clearNotices());

const library: TemplateLibraryView = { drafts: [], templates: [], defaultTemplateId: null, cap: 200, nearCap: false };
const template: TemplateView = {
  templateId: 7,
  userVersion: '2.0.0',
  userDesc: '',
  createTime: 0,
  isDefault: false,
  usedBy: [],
};

it('48001 from the template APIs says the platform must use WeChat’s page, and links to it', async () => {
  i18n.global.locale.value = 'zh-CN';
  installFakeBridge({
    'templates:get': () => ok(library),
    'templates:addDraft': () => ({
      ok: false,
      error: { code: 'wechat_error', message: 'api unauthorized', errcode: 48001 },
    }),
  });
  const store = useTemplatesStore();
  expect(await store.addDraft(3)).toBe(false);
  await expect
    .poll(() => document.querySelector('[data-test=templates-48001]')?.textContent ?? '', { timeout: 10_000 })
    .toContain('模板库');
  expect(document.querySelector('[data-test=templates-48001] a')?.getAttribute('href')).toBe(WECHAT_TEMPLATE_PAGE);
  expect(errorNotices()).toEqual([]);
});

it('adding a draft says which template it became, or that it already was one', async () => {
  i18n.global.locale.value = 'en';
  let answer = template;
  installFakeBridge({ 'templates:get': () => ok(library), 'templates:addDraft': () => ok(answer) });
  const store = useTemplatesStore();
  await store.addDraft(3);
  await expect.poll(() => document.body.textContent ?? '', { timeout: 10_000 }).toContain('template #7 (2.0.0)');
  answer = { ...template, alreadyInLibrary: true };
  await store.addDraft(3);
  await expect.poll(() => document.body.textContent ?? '', { timeout: 10_000 }).toContain('already template #7');
});
