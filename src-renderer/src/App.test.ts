// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { PreferencesInput } from '@contract/settings';
import App from '@renderer/App.vue';
import { i18n } from '@renderer/i18n';
import { settingsView } from '@renderer/testing/fixtures';
import { installFakeBridge, ok } from '@renderer/testing/fake-bridge';
import { appPlugins } from '@renderer/testing/mount';
import { clearNotices } from '@renderer/testing/notices';

afterEach(() => {
  clearNotices();
  i18n.global.locale.value = 'zh-CN';
});

describe('language switch', () => {
  it('switches the shell from Chinese to English through the saved preference', async () => {
    let view = settingsView({ language: 'zh-CN' });
    const fake = installFakeBridge({
      'settings:get': () => ok(view),
      'settings:savePreferences': (input: PreferencesInput) => ok((view = { ...view, ...input })),
      'authorizers:list': () => ok([]),
    });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/', component: { template: '<div />' } }],
    });
    await router.push('/');
    const wrapper = mount(App, { global: { plugins: [...appPlugins(), router] } });
    await flushPromises();

    expect(wrapper.find('h1').text()).toContain('小程序舰队控制台');
    expect(wrapper.find('[data-test="nav-settings"]').text()).toContain('设置');

    await wrapper.find('[data-test="language"] input[value="en"]').setValue(true);
    await flushPromises();

    expect(fake.calls('settings:savePreferences')).toEqual([[{ language: 'en' }]]);
    expect(wrapper.find('h1').text()).toContain('wxfleet mini-program fleet console');
    expect(wrapper.find('[data-test="nav-settings"]').text()).toContain('Settings');
    expect(document.documentElement.lang).toBe('en');
  });
});
