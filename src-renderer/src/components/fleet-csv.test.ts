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
