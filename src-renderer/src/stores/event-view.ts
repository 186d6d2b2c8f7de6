import type { EventRow } from '@contract/fleet';

/** Routine pushes that arrive every few minutes and mean nothing to a person unless they stop. */
export const ROUTINE_KINDS = new Set(['component_verify_ticket']);

export type EventListItem = EventRow | { id: string; collapsed: true; kind: string; count: number; latestAt: string };

export const isCollapsed = (item: EventListItem): item is Extract<EventListItem, { collapsed: true }> =>
  'collapsed' in item;

/**
 * Filters by kind and mini-program and folds each run of consecutive routine events into one line, so what a person
 * needs to see is not buried under ticket pushes. Rows come newest first.
 */
export function eventView(
  rows: readonly EventRow[],
  filter: { kind: string; appid: string; expandRoutine: boolean },
): EventListItem[] {
  const out: EventListItem[] = [];
  for (const row of rows) {
    if (filter.kind !== '' && row.kind !== filter.kind) continue;
    if (filter.appid !== '' && row.appid !== filter.appid) continue;
    if (!filter.expandRoutine && filter.kind === '' && ROUTINE_KINDS.has(row.kind)) {
      const last = out.at(-1);
      if (last && isCollapsed(last) && last.kind === row.kind) last.count += 1;
      else out.push({ id: `collapsed-${row.id}`, collapsed: true, kind: row.kind, count: 1, latestAt: row.at });
      continue;
    }
    out.push(row);
  }
  return out;
}
