import type { LedgerKind } from '@contract/release';
import type { LedgerEntryInput } from './ledger-recorder.js';

type Fields = Partial<Omit<LedgerEntryInput, 'appid' | 'kind'>> & { side?: 'experience' | 'online' | null };

/** A ledger entry with every field the caller does not know set to null. */
export function ledgerEntry(
  appid: string,
  kind: LedgerKind,
  fields: Fields = {},
): LedgerEntryInput & Pick<Fields, 'side'> {
  return {
    appid,
    kind,
    templateId: null,
    userVersion: null,
    extJsonHash: null,
    auditId: null,
    reason: null,
    screenshots: [],
    jobId: null,
    detail: null,
    ...fields,
  };
}
