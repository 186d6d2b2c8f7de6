import type { AuthorizerRow } from '@contract/fleet';
import type { ReadinessSummary } from '@contract/readiness';

type T = (key: string, params?: Record<string, unknown>) => string;

/** Every item that is not ready (and every one in review), not only the first the list's tag shows. */
function readinessCell(summary: ReadinessSummary | null | undefined, t: T): string {
  if (!summary) return t('readiness.notChecked');
  const blocking = summary.notReady.filter((k) => !summary.pending.includes(k));
  const parts = [
    ...blocking.map((k) => t('readiness.notReady', { what: t(`readiness.keys.${k}`) })),
    ...summary.pending.map((k) => t('readiness.pendingTag', { what: t(`readiness.keys.${k}`) })),
  ];
  return parts.length === 0 ? t('readiness.ready') : parts.join('; ');
}

/** One column of the export: its header key and its cell. Readiness and other columns are one line each. */
const COLUMNS: [header: string, cell: (row: AuthorizerRow, t: T) => string][] = [
  ['AppID', (r) => r.appid],
  ['mp.nickname', (r) => r.nickname],
  ['mp.principal', (r) => r.principal],
  ['mp.status', (r, t) => t(`status.${r.status}`)],
  ['readiness.column', (r, t) => readinessCell(r.readiness, t)],
  ['mp.online', (r) => r.online?.userVersion ?? ''],
  ['mp.template', (r) => (r.online?.templateId === null || r.online === null ? '' : String(r.online.templateId))],
  ['mp.audit', (r, t) => (r.audit ? `${t(`auditState.${r.audit.state}`)} ${r.audit.userVersion ?? ''}`.trim() : '')],
  ['versions.gray', (r) => (r.gray ? `${r.gray.percentage}%` : '')],
  [
    'versions.service',
    (r, t) =>
      r.service === 'closed' ? t('versions.serviceClosed') : r.service === 'open' ? t('versions.serviceOpen') : '',
  ],
  ['mp.drift', (r, t) => (r.drift ? t('mp.driftYes') : '')],
  ['mp.noCodePermission', (r, t) => (r.canManageCode ? '' : t('mp.noCodePermission'))],
  ['mp.tags', (r) => r.tags.join(' ')],
];

/** A cell a spreadsheet will not run as a formula, quoted when it must be. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The fleet list as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese right). */
export function fleetCsv(rows: readonly AuthorizerRow[], t: T): string {
  const header = COLUMNS.map(([key]) => cell(key.includes('.') ? t(key) : key)).join(',');
  const lines = rows.map((row) => COLUMNS.map(([, get]) => cell(get(row, t))).join(','));
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}

/** Saves text as a file through a temporary link (works in Electron and in the browser). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
