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

/** Pure and allocation-light: it runs on every keystroke over thousands of rows. */
export function filterRows(rows: readonly AuthorizerRow[], filter: ListFilter): AuthorizerRow[] {
  const needle = filter.search.trim().toLowerCase();
  return rows.filter((row) => {
    if (filter.status !== '' && row.status !== filter.status) return false;
    if (filter.templateId !== null && row.online?.templateId !== filter.templateId) return false;
    if (filter.version !== '' && row.online?.userVersion !== filter.version) return false;
    if (filter.tag !== '' && !row.tags.includes(filter.tag)) return false;
    if (filter.drift !== '' && row.drift !== (filter.drift === 'yes')) return false;
    if (filter.readiness) {
      const keys = row.readiness?.notReady ?? [];
      if (filter.readiness === 'any' ? keys.length === 0 : !keys.includes(filter.readiness)) return false;
    }
    if (needle === '') return true;
    return (
      row.nickname.toLowerCase().includes(needle) ||
      row.appid.toLowerCase().includes(needle) ||
      row.principal.toLowerCase().includes(needle) ||
      row.userName.toLowerCase().includes(needle) ||
      row.tags.some((tag) => tag.toLowerCase().includes(needle))
    );
  });
}
