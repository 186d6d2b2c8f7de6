import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERRCODES, explainErrcode, retryClassOf } from '../src/errcodes/index.js';
import type { RetryClass } from '../src/errcodes/index.js';

// A verbatim copy of the team's reference (fixtures/wechat/README.md).
const reference = readFileSync(fileURLToPath(new URL('./fixtures/wechat/07-errcodes.md', import.meta.url)), 'utf8');

const CJK = /[\u4e00-\u9fff]/;

function cells(line: string): string[] {
  return line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

function codesInCell(cell: string): number[] {
  return cell.split('/').flatMap((part) => {
    const text = part.trim();
    if (/^-?\d+$/.test(text)) return [Number(text)];
    const range = /^(\d+)\s*[–-]\s*(\d+)$/.exec(text);
    if (range === null) throw new Error(`cannot read errcode cell "${cell}"`);
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to <= from || to - from > 50) throw new Error(`implausible errcode range "${cell}"`);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

/** Codes from the first cell of every table row that starts with a number (tables G1–G4). */
function referenceCodes(markdown: string): Set<number> {
  const codes = new Set<number>();
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) continue;
    const first = cells(line)[0] ?? '';
    if (!/^-?\d/.test(first)) continue;
    for (const code of codesInCell(first)) codes.add(code);
  }
  return codes;
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`section ${heading} not found`);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
}

const POLICY_CLASSES: Record<string, RetryClass> = {
  'Token stale': 'token',
  'Authorization gone': 'permission',
  Permission: 'permission',
  'Quota / rate': 'quota',
  Transient: 'transient',
  'Config / IP': 'permission',
};

/** [code, expected class] pairs from the G6 retry-policy table. */
function policyRows(markdown: string): [number, RetryClass][] {
  const rows: [number, RetryClass][] = [];
  for (const line of section(markdown, 'G6').split('\n')) {
    if (!line.startsWith('|')) continue;
    const [label = '', codeList = ''] = cells(line);
    const expected = POLICY_CLASSES[label];
    if (expected === undefined) continue;
    for (const code of codeList.split(',')) rows.push([Number(code.trim()), expected]);
  }
  return rows;
}

describe('errcode catalogue against 07-errcodes.md', () => {
  const documented = referenceCodes(reference);

  it('reads a plausible number of codes from the reference, including ranges and lists', () => {
    expect(documented.size).toBeGreaterThan(150);
    for (const code of [-1, 0, 61051, 61056, 61061, 85302, 86072, 86101, 89403, 89504, 9402203, 53014, 53311, 86036]) {
      expect(documented.has(code), `${code} parsed from the reference`).toBe(true);
    }
  });

  it('has exactly one entry for every distinct code in the reference', () => {
    const missing = [...documented].filter((code) => !ERRCODES.has(code));
    const extra = [...ERRCODES.keys()].filter((code) => !documented.has(code));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
    expect(ERRCODES.size).toBe(documented.size);
  });

  it('classifies every code of the G6 retry policy as the policy says', () => {
    const rows = policyRows(reference);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const [code, expected] of rows) {
      expect(retryClassOf(code), `errcode ${code}`).toBe(expected);
    }
  });
});

describe('catalogue entries', () => {
  it('are keyed by their own code', () => {
    for (const [code, info] of ERRCODES) expect(info.code).toBe(code);
  });

  it('all carry a Chinese and English explanation and fix', () => {
    for (const info of ERRCODES.values()) {
      const label = `errcode ${info.code}`;
      expect(info.zh, label).toMatch(CJK);
      expect(info.fixZh, label).toMatch(CJK);
      expect(info.en.trim(), label).not.toBe('');
      expect(info.fixEn.trim(), label).not.toBe('');
      expect(info.en, label).not.toMatch(CJK);
      expect(info.fixEn, label).not.toMatch(CJK);
    }
  });

  it('cannot be mutated by callers', () => {
    const info = explainErrcode(40001);
    expect(Object.isFrozen(info)).toBe(true);
  });
});

describe('retryClassOf', () => {
  it.each<[number, RetryClass]>([
    [-1, 'transient'],
    [9402202, 'transient'],
    [61039, 'transient'],
    [40001, 'token'],
    [40014, 'token'],
    [42001, 'token'],
    [42006, 'token'],
    [45009, 'quota'],
    [45011, 'quota'],
    [85085, 'quota'],
    [87013, 'quota'],
    [89405, 'quota'],
    [61004, 'permission'],
    [40164, 'permission'],
    [45035, 'permission'],
    [61003, 'permission'],
    [61007, 'permission'],
    [48001, 'permission'],
    [61023, 'permission'],
    [42007, 'permission'],
    [47001, 'permanent'],
    [40013, 'permanent'],
    [85009, 'permanent'],
  ])('errcode %i is %s', (code, expected) => {
    expect(retryClassOf(code)).toBe(expected);
  });
});

describe('explainErrcode', () => {
  it('tells staff where to add the relay IP for 61004 and that the IP is in errmsg', () => {
    const info = explainErrcode(61004);
    expect(info.fixZh).toContain('出口 IP');
    expect(info.fixZh).toContain('第三方平台的白名单');
    expect(info.fixZh).toContain('errmsg');
  });

  it('explains 61040 as the location privacy interfaces, not the privacy guide (05 E5, E24)', () => {
    const info = explainErrcode(61040);
    expect(info.en).toContain('requiredPrivateInfos');
    expect(info.en).toContain('not about the privacy guide');
    expect(info.fixEn).toContain('apply_privacy_interface');
    expect(info.fixEn).toContain('privacy_api_not_use');
  });

  it('gives a generic permanent entry for codes not in the catalogue', () => {
    const info = explainErrcode(12345678);
    expect(ERRCODES.has(12345678)).toBe(false);
    expect(info.code).toBe(12345678);
    expect(info.retry).toBe('permanent');
    expect(info.zh).toContain('12345678');
    expect(info.en).toContain('not in the catalogue');
    expect(info.fixZh).toContain('/cgi-bin/openapi/rid/get');
    expect(info.fixEn).toContain('/cgi-bin/openapi/rid/get');
    expect(retryClassOf(12345678)).toBe('permanent');
  });
});
