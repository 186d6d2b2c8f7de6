import type { StoredEntry } from './ledger-month.js';
import { foldVersions } from './version-state.js';

export type DriftReason = 'nothing_online' | 'unknown_template' | 'other_template' | 'old_version';

export interface DriftRow {
  appid: string;
  onlineTemplateId: number | null;
  onlineUserVersion: string | null;
  reason: DriftReason;
}

export interface DriftTarget {
  templateId: number;
  userVersion: string;
}

/** Mini-programs whose online version (per the ledger) is not the target template at its version. */
export function computeDrift(
  appids: readonly string[],
  entriesOf: (appid: string) => readonly StoredEntry[],
  target: DriftTarget,
): DriftRow[] {
  return appids.flatMap((appid): DriftRow[] => {
    const online = foldVersions(entriesOf(appid)).online;
    const row = { appid, onlineTemplateId: online?.templateId ?? null, onlineUserVersion: online?.userVersion ?? null };
    if (online === null) return [{ ...row, reason: 'nothing_online' }];
    if (online.templateId === null) return [{ ...row, reason: 'unknown_template' }];
    if (online.templateId !== target.templateId) return [{ ...row, reason: 'other_template' }];
    if (online.userVersion !== target.userVersion) return [{ ...row, reason: 'old_version' }];
    return [];
  });
}
