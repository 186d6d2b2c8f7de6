/** WeChat's limit on user_version (05 E1: ≤ 64 characters, else 47001 on commit). */
export const USER_VERSION_MAX = 64;

export type VersionPatternKind = 'template' | 'date' | 'sequence' | 'custom';

/** The patterns the deploy dialog offers; `{template}`, `{date}` and `{seq}` are filled in. */
export const VERSION_PATTERNS: Record<Exclude<VersionPatternKind, 'custom'>, string> = {
  template: '{template}',
  date: '{template}-{date}',
  sequence: '{template}.{seq}',
};

export interface VersionInputs {
  /** The template's own user_version (from DevTools). */
  template: string;
  now: Date;
  /** 1 + the deploys of this template so far. */
  sequence: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Fills a version pattern; unknown `{…}` stay as typed. */
export function renderVersion(pattern: string, inputs: VersionInputs): string {
  const d = inputs.now;
  const date = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
  return pattern
    .replaceAll('{template}', inputs.template)
    .replaceAll('{date}', date)
    .replaceAll('{seq}', String(inputs.sequence))
    .trim();
}

/** Why a version cannot be sent, as an i18n key with its parameters; null when it can. */
export function versionProblem(version: string): { key: string; params: Record<string, number> } | null {
  if (version === '') return { key: 'versionPattern.empty', params: {} };
  const length = [...version].length;
  if (length > USER_VERSION_MAX) return { key: 'versionPattern.tooLong', params: { n: length, max: USER_VERSION_MAX } };
  return null;
}
