// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import SafeHtml from '@renderer/components/SafeHtml.vue';

const render = (html: string): HTMLElement => mount(SafeHtml, { props: { html } }).element as HTMLElement;

describe('SafeHtml (audit rejection reasons)', () => {
  it('drops scripts, event handlers and javascript: URLs but keeps the words', () => {
    const root = render(
      '<p onclick="alert(1)">Privacy <b onmouseover="alert(2)">policy</b> missing</p>' +
        '<script>alert(3)</script><style>p{}</style>' +
        '<a href="javascript:alert(4)">see guide</a><img src="x" onerror="alert(5)">' +
        '<svg onload="alert(6)"><text>svg</text></svg>',
    );

    expect(root.querySelectorAll('script, style, a, img, svg')).toHaveLength(0);
    for (const element of root.querySelectorAll('*')) {
      const names = element.getAttributeNames().filter((name) => element !== root || name !== 'class');
      expect(names, element.outerHTML).toEqual([]);
    }
    expect(root.innerHTML).not.toMatch(/javascript:|alert/);
    expect(root.textContent).toBe('Privacy policy missingsee guidesvg');
    expect(root.querySelector('p > b')?.textContent).toBe('policy');
  });

  it('keeps <br> line breaks between lines of the reason', () => {
    const root = render('1. 未完善隐私协议<br>2. 类目不符<br/>3. Test account');
    expect(root.querySelectorAll('br')).toHaveLength(2);
    // Vue brackets the rendered fragment with empty text anchors; only the content matters here.
    const nodes = [...root.childNodes].filter((node) => node.nodeName === 'BR' || node.textContent !== '');
    expect(nodes.map((node) => node.nodeName)).toEqual(['#text', 'BR', '#text', 'BR', '#text']);
  });

  it('shows a plain-text reason unchanged, markup-looking text included', () => {
    const root = render('version 1.2 &lt;beta&gt; rejected');
    expect(root.textContent).toBe('version 1.2 <beta> rejected');
    expect(root.querySelectorAll('beta')).toHaveLength(0);
  });
});
