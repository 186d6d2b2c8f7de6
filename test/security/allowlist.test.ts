import { describe, expect, it } from 'vitest';
import { judge, parseAllowlist } from '../../scripts/security/allowlist';
import type { Finding } from '../../scripts/security/electronegativity';

const finding = (id: string, severity: Finding['severity'], sample = 'x();'): Finding => ({
  id,
  severity,
  confidence: 'FIRM',
  file: 'src-main/shell/a.ts',
  line: 3,
  sample,
  description: '',
  url: '',
});

describe('security allowlist', () => {
  it('reads one reviewed finding per line and refuses an entry without a reason', () => {
    const { entries, problems } = parseAllowlist(
      '# comment\n\nPRELOAD_JS_CHECK | src-main/shell/a.ts | x(); | our own preload\nOPEN_EXTERNAL_JS_CHECK | a.ts | y();\n',
    );
    expect(entries).toEqual([
      { id: 'PRELOAD_JS_CHECK', file: 'src-main/shell/a.ts', sample: 'x();', reason: 'our own preload' },
    ]);
    expect(problems).toEqual(['allowlist line 4: expected "CHECK_ID | file | source line | reason"']);
  });

  it('gates HIGH and MEDIUM findings only, matched by check, file and source line', () => {
    const entries = parseAllowlist('PRELOAD_JS_CHECK | src-main/shell/a.ts | x(); | reviewed').entries;
    const result = judge(
      [
        finding('PRELOAD_JS_CHECK', 'MEDIUM'),
        finding('PRELOAD_JS_CHECK', 'MEDIUM', 'z();'),
        finding('CSP_GLOBAL_CHECK', 'LOW'),
        finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH'),
      ],
      entries,
    );
    expect(result.unexplained.map((f) => `${f.id} ${f.sample}`)).toEqual([
      'PRELOAD_JS_CHECK z();',
      'CONTEXT_ISOLATION_JS_CHECK x();',
    ]);
    expect(result.stale).toEqual([]);
    expect(judge([], entries).stale).toEqual(entries);
  });
});
