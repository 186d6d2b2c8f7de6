// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '@renderer/i18n';
import SettingsPage from '@renderer/pages/SettingsPage.vue';
import { settingsView } from '@renderer/testing/fixtures';
import { installFakeBridge, ok } from '@renderer/testing/fake-bridge';
import { appPlugins } from '@renderer/testing/mount';
import { clearNotices } from '@renderer/testing/notices';
import type { PlatformInput } from '@contract/settings';

const SECRET = 'S3cr3t-appsecret-value';

afterEach(() => {
  clearNotices();
  i18n.global.locale.value = 'zh-CN';
});

async function mountPage() {
  let view = settingsView({ language: 'en' });
  const fake = installFakeBridge({
    'settings:get': () => ok(view),
    'settings:savePlatform': (input: PlatformInput) => {
      view = { ...view, platform: { ...view.platform, tokenSet: view.platform.tokenSet || !!input.token } };
      return ok(view);
    },
  });
  const wrapper = mount(SettingsPage, { global: { plugins: appPlugins() }, attachTo: document.body });
  await flushPromises();
  return { fake, wrapper };
}

describe('SettingsPage credentials', () => {
  it('shows each credential only as set or unset, with empty password fields', async () => {
    const { wrapper } = await mountPage();
    const flag = (field: string): string => wrapper.find(`[data-test="flag-${field}"]`).text();
    expect(flag('appsecret')).toBe('Set');
    expect(flag('token')).toBe('Not set');
    expect(flag('encodingAESKey')).toBe('Set');
    expect(flag('previousEncodingAESKey')).toBe('Not set');
    for (const field of ['appsecret', 'token', 'encodingAESKey', 'previousEncodingAESKey', 'deviceToken']) {
      const input = wrapper.find(`input[data-test="secret-${field}"]`).element as HTMLInputElement;
      expect(input.type).toBe('password');
      expect(input.value).toBe('');
    }
    expect((wrapper.find('input[data-test="component-appid"]').element as HTMLInputElement).value).toBe('wxcomponent');
  });

  it('sends a typed secret once, then forgets it and shows only the new flag', async () => {
    const { fake, wrapper } = await mountPage();
    await wrapper.find('input[data-test="secret-token"]').setValue(SECRET);
    await wrapper.find('[data-test="save-platform"]').trigger('click');
    await flushPromises();

    expect(fake.calls('settings:savePlatform')).toEqual([[{ componentAppid: 'wxcomponent', token: SECRET }]]);
    expect((wrapper.find('input[data-test="secret-token"]').element as HTMLInputElement).value).toBe('');
    expect(wrapper.find('[data-test="flag-token"]').text()).toBe('Set');
    expect(wrapper.html()).not.toContain(SECRET);
    expect(document.body.innerHTML).not.toContain(SECRET);
  });
});
