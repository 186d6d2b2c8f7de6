import { expect, it } from 'vitest';
import { authorizerRow } from '@renderer/testing/fixtures';
import { fleetCsv } from './fleet-csv';

const t = (key: string): string => `<${key}>`;

it('exports the list with versions, gray share and service, safe for spreadsheets', () => {
  const rows = [
    authorizerRow(0, {
      nickname: '=HYPERLINK("x")',
      tags: ['vip', 'a,b'],
      gray: { percentage: 10, userVersion: '1.1' },
    }),
    authorizerRow(1, { service: 'closed' }),
  ];
  const csv = fleetCsv(rows, t);
  expect(csv.startsWith('\uFEFFAppID,<mp.nickname>')).toBe(true);
  const [, first, second] = csv.trim().split('\r\n');
  expect(first).toContain(`"'=HYPERLINK(""x"")"`);
  expect(first).toContain('10%');
  expect(first).toContain('"vip a,b"');
  expect(second).toContain('<versions.serviceClosed>');
  expect(second).toContain(rows[1]?.online?.userVersion ?? 'missing');
});

it('exports readiness with every item not ready or in review', () => {
  const tr = (key: string, params?: Record<string, unknown>): string =>
    params ? `<${key} ${String(params['what'])}>` : `<${key}>`;
  const rows = [
    authorizerRow(0, { readiness: { checkedAt: null, notReady: ['privacy_guide', 'icp'], pending: ['icp'] } }),
    authorizerRow(1, { readiness: { checkedAt: null, notReady: [], pending: [] } }),
    authorizerRow(2, { readiness: null }),
  ];
  const [, notReady, ready, unchecked] = fleetCsv(rows, tr).trim().split('\r\n');
  expect(notReady).toContain(
    '<readiness.notReady <readiness.keys.privacy_guide>>; <readiness.pendingTag <readiness.keys.icp>>',
  );
  expect(ready).toContain('<readiness.ready>');
  expect(unchecked).toContain('<readiness.notChecked>');
});
