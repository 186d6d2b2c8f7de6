import { describe, expect, it } from 'vitest';
import { reasonText, sanitizeReason } from './sanitize-html.js';

const tagsIn = (html: string): string[] => html.match(/<[^>]*>/g) ?? [];

describe('sanitizeReason', () => {
  it('keeps text and <br> in its spellings', () => {
    expect(sanitizeReason('1. 页面空白<br>2. 类目不符<BR/>3. x<br />')).toBe('1. 页面空白<br>2. 类目不符<br>3. x<br>');
  });

  it('escapes script tags, attributes and javascript: links', () => {
    const out = sanitizeReason(
      '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">see</a><br onclick=x>',
    );
    expect(tagsIn(out)).toEqual([]);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;a href=&quot;javascript:alert(3)&quot;&gt;see&lt;/a&gt;');
    expect(out).toContain('&lt;br onclick=x&gt;');
  });

  it('does not let entity-encoded markup come back to life', () => {
    const out = sanitizeReason('&lt;script&gt;x&lt;/script&gt; a&amp;b &nbsp;ok');
    expect(tagsIn(out)).toEqual([]);
    expect(out).toBe('&lt;script&gt;x&lt;/script&gt; a&amp;b  ok');
  });

  it('is idempotent on its own output', () => {
    const once = sanitizeReason('<b>x</b><br>"q"');
    expect(sanitizeReason(once)).toBe(once);
  });
});

describe('reasonText', () => {
  it('is the plain text of a sanitized reason: line breaks kept, entities decoded once', () => {
    const sanitized = sanitizeReason('1: &quot;首页&quot;<br>(2) <b onclick="x()">类目</b> &amp;lt;');
    expect(reasonText(sanitized)).toBe('1: "首页"\n(2) <b onclick="x()">类目</b> &lt;');
  });
});
