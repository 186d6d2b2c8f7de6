import { coded } from '@contract/codes';
import { CodedError } from '@contract/result';
import type { AuthorizerRow } from '@contract/fleet';
import type { GrayPlanView } from '@contract/release';
import type { HistoryVersion } from '@wxfleet/protocol';
import type { LedgerRecorder } from '../ledger/ledger-recorder.js';
import type { ReleaseApi } from '../release-api.js';
import { ledgerEntry } from '../ledger/ledger-entry.js';
import { WeChatError } from '../../wechat/client/wechat-error.js';

export interface VersionOpsDeps {
  api: ReleaseApi;
  ledger: LedgerRecorder;
  /** The fleet row of a mini-program after an action on it. */
  row(appid: string): AuthorizerRow;
}

/** WeChat's refusal of a version operation: its errcode, explained by the catalogue, as the user's error. */
function explain(err: unknown, known: readonly number[]): never {
  if (err instanceof WeChatError && err.errcode !== null && known.includes(err.errcode))
    throw new CodedError('wechat_error', coded('version_op_refused', {}, err.errcode));
  throw err;
}

/** Rollback, phased release and service on/off for one mini-program; each change is written to the ledger. */
export class VersionOps {
  constructor(private readonly deps: VersionOpsDeps) {}

  /** The last released versions WeChat keeps (at most 5), for choosing where to roll back to. */
  async history(appid: string): Promise<HistoryVersion[]> {
    return (await this.deps.api.getHistoryVersion(appid)).version_list ?? [];
  }

  async revert(appid: string, appVersion?: number): Promise<AuthorizerRow> {
    const history = await this.history(appid);
    try {
      await this.deps.api.revertCodeRelease(appid, appVersion === undefined ? {} : { app_version: appVersion });
    } catch (err) {
      explain(err, [87011, 87012]);
    }
    const target = appVersion === undefined ? history[0] : history.find((h) => h.app_version === appVersion);
    await this.deps.ledger.record(
      ledgerEntry(appid, 'revert', {
        userVersion: target?.user_version ?? null,
        detail: coded(
          'ledger_reverted_to',
          target ? { appVersion: target.app_version, userVersion: target.user_version } : {},
        ),
      }),
    );
    return this.deps.row(appid);
  }

  async grayRelease(appid: string, percentage: number): Promise<GrayPlanView> {
    if (!Number.isInteger(percentage) || percentage < 1 || percentage > 100)
      throw new CodedError('invalid_argument', coded('gray_percentage_range'));
    try {
      await this.deps.api.grayRelease(appid, { gray_percentage: percentage });
    } catch (err) {
      explain(err, [85079, 85080, 85082]);
    }
    const plan = (await this.deps.api.getGrayReleasePlan(appid)).gray_release_plan;
    await this.deps.ledger.record(
      ledgerEntry(appid, 'gray_release', { detail: coded('ledger_gray_release', { percentage }) }),
    );
    return { status: plan.status, percentage: plan.gray_percentage, createTimestamp: plan.create_timestamp };
  }

  async grayPlan(appid: string): Promise<GrayPlanView> {
    const plan = (await this.deps.api.getGrayReleasePlan(appid)).gray_release_plan;
    return { status: plan.status, percentage: plan.gray_percentage, createTimestamp: plan.create_timestamp };
  }

  async revertGray(appid: string): Promise<AuthorizerRow> {
    await this.deps.api.revertGrayRelease(appid);
    await this.deps.ledger.record(ledgerEntry(appid, 'revert_gray', { detail: coded('ledger_gray_cancelled') }));
    return this.deps.row(appid);
  }

  async setVisit(appid: string, action: 'open' | 'close'): Promise<AuthorizerRow> {
    await this.deps.api.changeVisitStatus(appid, { action });
    await this.deps.ledger.record(
      ledgerEntry(appid, 'visit_status', {
        detail: coded(action === 'close' ? 'ledger_service_closed' : 'ledger_service_reopened'),
      }),
    );
    return this.deps.row(appid);
  }
}
