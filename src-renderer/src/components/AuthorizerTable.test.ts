// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import AuthorizerTable from '@renderer/components/AuthorizerTable.vue';
import { authorizerRows } from '@renderer/testing/fixtures';
import { appPlugins } from '@renderer/testing/mount';

const ROW = 44;

function mountTable(count: number) {
  const rows = authorizerRows(count);
  const wrapper = mount(AuthorizerTable, {
    props: { rows, selected: new Set<string>() },
    global: { plugins: appPlugins() },
  });
  const rendered = (): string[] =>
    wrapper.findAll('[data-test="authorizer-row"]').map((row) => row.attributes('data-appid') ?? '');
  return { rows, wrapper, rendered };
}

describe('AuthorizerTable (virtualized mini-program list)', () => {
  it('puts only a window of rows in the DOM for 5,000 mini-programs', () => {
    const { rows, wrapper, rendered } = mountTable(5000);
    expect(rendered().length).toBeGreaterThan(10);
    expect(rendered().length).toBeLessThanOrEqual(30);
    expect(rendered()[0]).toBe(rows[0]!.appid);
    // The spacer still has the full height, so the scrollbar matches 5,000 rows.
    const spacer = wrapper.find('.wx-vt-viewport > div').element as HTMLElement;
    expect(spacer.style.height).toBe(`${5000 * ROW}px`);
  });

  it('moves the window when the list scrolls', async () => {
    const { rows, wrapper, rendered } = mountTable(5000);
    const viewport = wrapper.find('.wx-vt-viewport');
    const element = viewport.element as HTMLElement;
    Object.defineProperty(element, 'clientHeight', { configurable: true, value: 600 });
    element.scrollTop = 3000 * ROW;
    await viewport.trigger('scroll');

    const shown = rendered();
    expect(shown.length).toBeLessThanOrEqual(30);
    expect(shown).toContain(rows[3000]!.appid);
    expect(shown).toContain(rows[3010]!.appid);
    expect(shown).not.toContain(rows[0]!.appid);
    const first = wrapper.find(`[data-appid="${rows[3000]!.appid}"]`).element as HTMLElement;
    expect(first.style.transform).toBe(`translateY(${3000 * ROW}px)`);
  });

  it('emits toggle and open with the row appid', async () => {
    const { rows, wrapper } = mountTable(50);
    const row = wrapper.find(`[data-appid="${rows[2]!.appid}"]`);
    await row.find('input[type="checkbox"]').trigger('change');
    await row.find('button').trigger('click');
    expect(wrapper.emitted('toggle')).toEqual([[rows[2]!.appid]]);
    expect(wrapper.emitted('open')).toEqual([[rows[2]!.appid]]);
  });

  it('shows the gray share and a suspended service in their columns', () => {
    const { rows, wrapper } = mountTable(20);
    const cell = (i: number, column: string): string =>
      wrapper.find(`[data-appid="${rows[i]!.appid}"] [data-test="${column}"]`).text();
    expect(cell(0, 'row-gray')).toContain('10%');
    expect(cell(1, 'row-gray')).toBe('—');
    expect(cell(0, 'row-service')).toBe('已暂停服务');
    expect(cell(1, 'row-service')).toBe('服务中');
  });
});
