import type { Finding } from './electronegativity';

/** One reviewed finding: which check, where, on which source line, and why it is safe. */
export interface AllowEntry {
  id: string;
  file: string;
  sample: string;
  reason: string;
}

export const GATING: ReadonlySet<Finding['severity']> = new Set(['HIGH', 'MEDIUM']);

/** `CHECK_ID | file | source line | reason`, one per line; `#` starts a comment. */
export function parseAllowlist(text: string): { entries: AllowEntry[]; problems: string[] } {
  const entries: AllowEntry[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [id, file, sample, reason, ...extra] = line.split(' | ').map((part) => part.trim());
    if (!id || !file || sample === undefined || !reason || extra.length > 0)
      problems.push(`allowlist line ${index + 1}: expected "CHECK_ID | file | source line | reason"`);
    else entries.push({ id, file, sample, reason });
  });
  return { entries, problems };
}

const matches = (entry: AllowEntry, finding: Finding): boolean =>
  entry.id === finding.id && entry.file === finding.file && entry.sample === finding.sample;

/**
 * Every HIGH or MEDIUM finding must be explained by an entry; every entry must still match a finding (a stale entry
 * would silently allow the next finding that happens to land on the same line).
 */
export function judge(findings: readonly Finding[], entries: readonly AllowEntry[]) {
  return {
    unexplained: findings.filter((f) => GATING.has(f.severity) && !entries.some((entry) => matches(entry, f))),
    stale: entries.filter((entry) => !findings.some((finding) => matches(entry, finding))),
  };
}
