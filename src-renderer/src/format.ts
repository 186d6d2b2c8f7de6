import { i18n } from '@renderer/i18n';

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(i18n.global.locale.value);
}

export function formatUnix(seconds: number): string {
  return formatTime(new Date(seconds * 1000).toISOString());
}

export function formatAge(seconds: number | null): string {
  if (seconds === null) return '—';
  const { t } = i18n.global;
  if (seconds < 60) return t('age.seconds', { n: Math.round(seconds) });
  if (seconds < 3600) return t('age.minutes', { n: Math.round(seconds / 60) });
  return t('age.hours', { n: (seconds / 3600).toFixed(1) });
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Saves a data: URL as a file through a temporary link (no Node, works in Electron and in the browser). */
export function saveDataUrl(dataUrl: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  link.click();
}
