// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '@renderer/i18n';
import { useSettingsStore } from '@renderer/stores/settings';
import { settingsView } from '@renderer/testing/fixtures';
import { err, installFakeBridge, ok } from '@renderer/testing/fake-bridge';
import { clearNotices, errorNotices } from '@renderer/testing/notices';

beforeEach(() => setActivePinia(createPinia()));

afterEach(() => {
  clearNotices();
  i18n.global.locale.value = 'zh-CN';
  document.documentElement.classList.remove('dark');
});

describe('settings store', () => {
  it('applies the saved language and theme when it loads', async () => {
    installFakeBridge({ 'settings:get': () => ok(settingsView({ language: 'en', theme: 'dark' })) });
    const store = useSettingsStore();
    await store.load();
    expect(i18n.global.locale.value).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.classList.contains('dark')).toBe(true);
  });

  it('sends only the given preference and adopts what main answers', async () => {
    const fake = installFakeBridge({ 'settings:savePreferences': () => ok(settingsView({ language: 'en' })) });
    const store = useSettingsStore();
    await expect(store.savePreferences({ language: 'en' })).resolves.toBe(true);
    expect(fake.calls('settings:savePreferences')).toEqual([[{ language: 'en' }]]);
    expect(store.view?.language).toBe('en');
    expect(store.saving).toBe(false);
  });

  it('reports a failed save, keeps the previous view and tells the form it failed', async () => {
    installFakeBridge({
      'settings:get': () => ok(settingsView()),
      'settings:savePlatform': () => err('keychain_unavailable', { code: 'keychain_unavailable' }),
    });
    const store = useSettingsStore();
    await store.load();
    await expect(store.savePlatform({ appsecret: 'x' })).resolves.toBe(false);
    expect(store.view).toEqual(settingsView());
    expect(store.saving).toBe(false);
    expect(errorNotices()).toEqual([expect.stringContaining('系统钥匙串不可用')]);
    expect(errorNotices()[0]).toContain('没有可用的系统钥匙串');
  });
});
