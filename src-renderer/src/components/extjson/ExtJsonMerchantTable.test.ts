// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { ExtJsonConfig } from '@contract/release';
import { appPlugins } from '@renderer/testing/mount';
import ExtJsonMerchantTable from './ExtJsonMerchantTable.vue';

const A = 'wx1111222233334444';

function mountCells(config: ExtJsonConfig) {
  const wrapper = mount(ExtJsonMerchantTable, {
    props: {
      modelValue: config,
      'onUpdate:modelValue': (value: ExtJsonConfig) => wrapper.setProps({ modelValue: value }),
      appids: [A],
      names: { [A]: '鲜果时光' },
      stacked: true,
    },
    global: { plugins: appPlugins() },
    attachTo: document.body,
  });
  const current = (): ExtJsonConfig => wrapper.props('modelValue');
  return { wrapper, current };
}

describe('a merchant’s ext_json cells', () => {
  it('keeps a half-typed variable line as typed while the config gets what parses', async () => {
    const { wrapper, current } = mountCells({ templateId: 1, base: '{}', merchants: {} });
    const vars = wrapper.find(`textarea[data-test="vars-${A}"]`);
    await vars.setValue('shopId=1001\nslog');
    expect((vars.element as HTMLTextAreaElement).value).toBe('shopId=1001\nslog');
    expect(current().merchants[A]?.variables).toEqual({ shopId: '1001' });
    wrapper.unmount();
  });

  it('keeps the merchant’s own submit profile next to what was typed before it', async () => {
    const { wrapper, current } = mountCells({
      templateId: 1,
      base: '{}',
      merchants: { [A]: { variables: { shopId: '1' } } },
    });
    await wrapper.find(`textarea[data-test="override-${A}"]`).setValue('{"window":{}}');
    await wrapper.find(`[data-test="own-submit-${A}"]`).trigger('click');
    await flushPromises();
    const title = document.body.querySelector<HTMLInputElement>('input[data-test="submit-title"]');
    if (!title) throw new Error('the profile dialog did not open');
    title.value = '首页';
    title.dispatchEvent(new Event('input'));
    await flushPromises();
    document.body.querySelector<HTMLButtonElement>('[data-test="own-submit-keep"]')?.click();
    await flushPromises();
    expect(current().merchants[A]).toEqual({
      variables: { shopId: '1' },
      override: '{"window":{}}',
      submit: { title: '首页' },
    });
    wrapper.unmount();
  });
});
