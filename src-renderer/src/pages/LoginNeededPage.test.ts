// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { i18n } from '@renderer/i18n';
import LoginNeededPage from '@renderer/pages/LoginNeededPage.vue';

describe('LoginNeededPage', () => {
  it('says in Chinese, then English, why and which command gives a new link', () => {
    const wrapper = mount(LoginNeededPage, { props: { reason: 'invalid' }, global: { plugins: [i18n] } });
    const zh = wrapper.find('[data-test="login-needed-zh-CN"]').text();
    const en = wrapper.find('[data-test="login-needed-en"]').text();
    expect(zh).toContain('这个登录链接已失效');
    expect(zh).toContain('npm run wxfleet -- login-link');
    expect(en).toContain('This login link no longer works');
    expect(en).toContain('npm run wxfleet -- login-link');
    expect(wrapper.text().indexOf('需要登录')).toBeLessThan(wrapper.text().indexOf('Login needed'));
  });

  it('tells an expired session apart from a browser that never logged in', () => {
    const text = (reason: 'none' | 'expired') =>
      mount(LoginNeededPage, { props: { reason }, global: { plugins: [i18n] } }).text();
    expect(text('expired')).toContain('Your login has expired');
    expect(text('none')).toContain('opens only in a browser that used a login link');
  });
});
