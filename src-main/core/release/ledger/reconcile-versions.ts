import { coded } from '../../../contract/codes.js';
import type { LedgerEntryView } from '@contract/release';
import type { Logger } from '../../platform/log/logger.js';
import type { WeChatApi } from '../../wechat/client/wechat-api.js';
import type { Ledger } from './ledger.js';
import type { VersionRef } from './version-state.js';
import { foldVersions } from './version-state.js';

export interface ReconcileVersionsDeps {
  api: Pick<WeChatApi, 'getVersionInfo'>;
  ledger: Ledger;
  logger: Logger;
}

type Side = 'experience' | 'online';

/**
 * Compares the ledger with `getversioninfo` (05 E14) and records a `reconciled` entry for each side (experience,
 * online) where WeChat disagrees; WeChat is taken as the truth from then on. Returns the entries recorded.
 */
export async function reconcileVersions(
  deps: ReconcileVersionsDeps,
  appid: string,
  jobId: string | null = null,
): Promise<LedgerEntryView[]> {
  const info = await deps.api.getVersionInfo(appid);
  const wechat: Record<Side, string | null> = {
    experience: info.exp_info?.exp_version || null,
    online: info.release_info?.release_version || null,
  };
  const state = foldVersions(deps.ledger.entries(appid));
  const ours: Record<Side, VersionRef | null> = { experience: state.experience, online: state.online };
  const recorded: LedgerEntryView[] = [];
  for (const side of ['experience', 'online'] as const) {
    const theirs = wechat[side];
    const mine = ours[side]?.userVersion ?? null;
    if (theirs === mine) continue;
    // The template behind WeChat's version, when the ledger ever committed that user_version.
    const commit =
      theirs === null
        ? undefined
        : deps.ledger.entries(appid).findLast((e) => e.kind === 'commit' && e.userVersion === theirs);
    recorded.push(
      await deps.ledger.record({
        appid,
        kind: 'reconciled',
        side,
        templateId: commit?.templateId ?? null,
        userVersion: theirs,
        extJsonHash: commit?.extJsonHash ?? null,
        auditId: null,
        reason: null,
        screenshots: [],
        jobId,
        detail: coded('ledger_reconciled', { side, wechat: theirs ?? '-', ledger: mine ?? '-' }),
      }),
    );
    deps.logger.warn('version ledger reconciled with getversioninfo', { appid, side, wechat: theirs, ledger: mine });
  }
  return recorded;
}
