import { describe, expect, it } from 'vitest';
import { VERSION_PATTERNS, renderVersion, versionProblem } from './version-pattern';

const inputs = { template: '1.4.0', now: new Date(2026, 11, 2, 9, 0, 0), sequence: 3 };

describe('version patterns', () => {
  it('fills template, date and sequence', () => {
    expect(renderVersion(VERSION_PATTERNS.template, inputs)).toBe('1.4.0');
    expect(renderVersion(VERSION_PATTERNS.date, inputs)).toBe('1.4.0-20261202');
    expect(renderVersion(VERSION_PATTERNS.sequence, inputs)).toBe('1.4.0.3');
    expect(renderVersion('v{seq}-{unknown}', inputs)).toBe('v3-{unknown}');
  });

  it('checks WeChat’s 64-character rule in characters, not bytes', () => {
    expect(versionProblem('版'.repeat(64))).toBeNull();
    expect(versionProblem('x'.repeat(65))).toEqual({ key: 'versionPattern.tooLong', params: { n: 65, max: 64 } });
    expect(versionProblem('')).toEqual({ key: 'versionPattern.empty', params: {} });
  });
});
