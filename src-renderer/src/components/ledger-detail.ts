import type { LedgerEntryView } from '@contract/release';

type T = (key: string, params?: Record<string, unknown>) => string;

const GRAY = /^gray:(\d{1,3})((?:;\w+)*)$/;

/** The detail of a ledger entry in the UI language: gray steps and service changes are codes, older entries prose. */
export function ledgerDetail(entry: LedgerEntryView, t: T): string | null {
  const d = entry.detail;
  if (d === null) return null;
  const gray = GRAY.exec(d);
  if (entry.kind === 'gray_release' && gray) {
    const flags = (gray[2] ?? '').split(';');
    return [
      t('versions.grayAt', { n: Number(gray[1]) }),
      ...(flags.includes('testers') ? [t('versions.testersFirst')] : []),
      ...(flags.includes('experiencers') ? [t('versions.experiencersFirst')] : []),
    ].join(' · ');
  }
  if (entry.kind === 'visit_status' && (d === 'close' || d === 'open'))
    return t(d === 'close' ? 'versions.serviceClosed' : 'versions.serviceOpen');
  if (entry.kind === 'release' && d === 'after_gray') return t('versions.releaseFully');
  const appVersion = /^app_version:(\d+)$/.exec(d)?.[1];
  if (entry.kind === 'revert' && appVersion) return t('versions.appVersion', { n: appVersion });
  return d;
}

/** A permission set's name in the UI language. */
export function funcSetName(id: number, t: T, te: (key: string) => boolean): string {
  return te(`funcSet.${id}`) ? t(`funcSet.${id}`) : t('funcSet.unknown', { id });
}
