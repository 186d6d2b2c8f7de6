import { readCoded } from '../../platform/store/stored-text.js';

/** The share a `gray_release` entry recorded (`ledger_gray_release` with `percentage`), or null when it did not. */
export function grayPercentageOf(detail: string | null): number | null {
  if (detail === null) return null;
  const legacy = /^gray:(\d{1,3})/.exec(detail);
  if (legacy) return Number(legacy[1]);
  const value = readCoded(detail);
  const percentage = value.code === 'ledger_gray_release' ? value.params?.['percentage'] : undefined;
  return typeof percentage === 'number' ? percentage : null;
}
