import type { LedgerEntryView } from '@contract/release';

export type LedgerEntryInput = Omit<LedgerEntryView, 'id' | 'at'> & { at?: string; extJson?: string | null };

/** Every WeChat-mutating action is written here (DESIGN.md §4), with what, when and which job. */
export interface LedgerRecorder {
  record(entry: LedgerEntryInput): Promise<LedgerEntryView>;
  list(appid: string): Promise<LedgerEntryView[]>;
}
