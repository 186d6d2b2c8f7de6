import { expect, it } from 'vitest';
import type { EventRow } from '@contract/fleet';
import { eventView, isCollapsed } from './event-view';

const row = (id: number, kind: string, appid: string | null = null): EventRow => ({
  id: String(id),
  at: new Date(Date.UTC(2026, 0, 1, 0, 60 - id)).toISOString(),
  kind,
  appid,
  summary: { code: 'legacy_text', params: { text: kind } },
  fields: {},
});

it('folds runs of ticket pushes and filters by kind and mini-program', () => {
  const rows = [
    row(1, 'component_verify_ticket'),
    row(2, 'component_verify_ticket'),
    row(3, 'weapp_audit_success', 'wxa'),
    row(4, 'component_verify_ticket'),
    row(5, 'weapp_audit_fail', 'wxb'),
  ];
  const folded = eventView(rows, { kind: '', appid: '', expandRoutine: false });
  expect(folded.map((i) => (isCollapsed(i) ? `ticket×${i.count}` : i.kind))).toEqual([
    'ticket×2',
    'weapp_audit_success',
    'ticket×1',
    'weapp_audit_fail',
  ]);
  const first = folded[0];
  expect(first && isCollapsed(first) ? first.latestAt : null).toBe(rows[0]?.at);
  expect(eventView(rows, { kind: '', appid: '', expandRoutine: true })).toHaveLength(5);
  expect(eventView(rows, { kind: 'component_verify_ticket', appid: '', expandRoutine: false })).toHaveLength(3);
  expect(eventView(rows, { kind: '', appid: 'wxb', expandRoutine: false }).map((i) => i.id)).toEqual(['5']);
});
