import type { AuthorizerRow, AuthorizerStatus } from '@contract/fleet';
import type { ReadinessKey } from '@contract/readiness';

export interface ListFilter {
  search: string;
  status: AuthorizerStatus | '';
  templateId: number | null;
  version: string;
  tag: string;
  drift: '' | 'yes' | 'no';
  /** '' all, `any` held back by anything, or one readiness item. */
  readiness?: '' | 'any' | ReadinessKey;
}

// Removed from every needle, so a needle never matches across two fields.
const SEPARATOR = '\u0000';

/**
 * The lower-cased text a search looks in, one string per row, built once per row list rather than on every
 * keystroke: a keystroke over 50,000 rows is then one `includes` per row, with no string made.
 */
export function searchIndex(rows: readonly AuthorizerRow[]): string[] {
  return rows.map((row) =>
    [row.nickname, row.appid, row.principal, row.userName, ...row.tags].join(SEPARATOR).toLowerCase(),
  );
}

const indexes = new WeakMap<readonly AuthorizerRow[], string[]>();

function indexOf(rows: readonly AuthorizerRow[]): string[] {
  let index = indexes.get(rows);
  if (index === undefined) {
    index = searchIndex(rows);
    indexes.set(rows, index);
  }
  return index;
}

function readinessMatches(row: AuthorizerRow, wanted: 'any' | ReadinessKey): boolean {
  const keys = row.readiness?.notReady ?? [];
  return wanted === 'any' ? keys.length > 0 : keys.includes(wanted);
}

/** Pure; the search index of a row list is built on its first search and kept while the list lives. */
export function filterRows(rows: readonly AuthorizerRow[], filter: ListFilter): readonly AuthorizerRow[] {
  const needle = filter.search.replaceAll(SEPARATOR, '').trim().toLowerCase();
  const byFields =
    filter.status !== '' ||
    filter.templateId !== null ||
    filter.version !== '' ||
    filter.tag !== '' ||
    filter.drift !== '' ||
    !!filter.readiness;
  if (needle === '' && !byFields) return rows;
  const index = needle === '' ? null : indexOf(rows);
  const shown: AuthorizerRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (index !== null && !index[i]!.includes(needle)) continue;
    if (byFields) {
      if (filter.status !== '' && row.status !== filter.status) continue;
      if (filter.templateId !== null && row.online?.templateId !== filter.templateId) continue;
      if (filter.version !== '' && row.online?.userVersion !== filter.version) continue;
      if (filter.tag !== '' && !row.tags.includes(filter.tag)) continue;
      if (filter.drift !== '' && row.drift !== (filter.drift === 'yes')) continue;
      if (filter.readiness && !readinessMatches(row, filter.readiness)) continue;
    }
    shown.push(row);
  }
  return shown;
}
