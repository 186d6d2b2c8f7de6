import { describe, expect, it } from 'vitest';
import { parseXml, XmlError, buildXml } from '../src/xml/safe-xml.js';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof XmlError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('values stay exactly as sent', () => {
  it('keeps CDATA, leading zeros and 64-bit ids as strings', () => {
    const fields = parseXml(
      '<xml><Name><![CDATA[a<b>&c]]></Name><Zero>00123</Zero><Id>18446744073709551615</Id><Mixed>x &amp; y</Mixed></xml>',
    );
    expect(fields).toEqual(
      Object.assign(Object.create(null), { Name: 'a<b>&c', Zero: '00123', Id: '18446744073709551615', Mixed: 'x & y' }),
    );
  });

  it('treats whitespace around CDATA as layout but keeps it inside', () => {
    const fields = parseXml('<xml>\n  <A>\n    <![CDATA[ spaced ]]>\n  </A>\n  <B> </B>\n</xml>');
    expect(fields['A']).toBe(' spaced ');
    expect(fields['B']).toBe(' ');
  });

  it('reads the nested <info> of a fast-registration push and repeated elements as a list', () => {
    const fields = parseXml(
      '<xml><info><name><![CDATA[某公司]]></name><code_type>1</code_type></info><i>1</i><i>2</i></xml>',
    );
    expect(fields['info']).toEqual(Object.assign(Object.create(null), { name: '某公司', code_type: '1' }));
    expect(fields['i']).toEqual(['1', '2']);
  });

  it('round-trips what buildXml writes, including "]]>" inside a value', () => {
    const xml = buildXml({ A: 'x]]>y', B: 7, C: { D: 'e' } });
    expect(parseXml(xml)).toEqual(
      Object.assign(Object.create(null), { A: 'x]]>y', B: '7', C: Object.assign(Object.create(null), { D: 'e' }) }),
    );
  });
});

describe('hostile input', () => {
  it('makes __proto__ and constructor plain names without polluting prototypes', () => {
    const fields = parseXml('<xml><__proto__><polluted>yes</polluted></__proto__><constructor>c</constructor></xml>');
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(fields)).toEqual(['__proto__', 'constructor']);
  });

  it.each([
    [
      'a billion-laughs bomb',
      '<!DOCTYPE xml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><xml><A>&b;</A></xml>',
      'doctype',
    ],
    ['an external entity', '<?xml version="1.0"?><!DOCTYPE xml SYSTEM "file:///etc/passwd"><xml/>', 'doctype'],
    ['a lower-case entity declaration', '<xml><!entity x "y"></xml>', 'doctype'],
    ['an undeclared entity', '<xml><A>&ent;</A></xml>', 'malformed'],
    ['a wrong root', '<root><A>1</A></root>', 'malformed'],
    ['an unclosed element', '<xml><A>1</xml>', 'malformed'],
    ['text after the root', '<xml></xml>trailing', 'malformed'],
    ['mixed text and elements', '<xml><A>t<B>1</B></A></xml>', 'malformed'],
  ])('refuses %s', (_, input, code) => {
    expect(codeOf(() => parseXml(input))).toBe(code);
  });

  it('refuses 200,000 nested elements at the depth limit, without recursion', () => {
    const deep = `<xml>${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}</xml>`;
    expect(codeOf(() => parseXml(deep, { maxLength: 10_000_000 }))).toBe('too_deep');
  });

  it('refuses oversize bodies before reading them', () => {
    const big = `<xml><A>${'x'.repeat(10 * 1024 * 1024)}</A></xml>`;
    expect(codeOf(() => parseXml(big))).toBe('too_large');
  });
});
