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

function explain(err: unknown, what: Record<number, string>): never {
  if (err instanceof WeChatError && err.errcode !== null && what[err.errcode]) {
    throw new Error(`${what[err.errcode]} (${err.errcode})`, { cause: err });
  }
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
      explain(err, {
        87011: 'A phased (gray) release is running: cancel it before rolling back',
        87012: 'This version cannot be rolled back (no earlier version, or it is itself a rollback)',
      });
    }
    const target = appVersion === undefined ? history[0] : history.find((h) => h.app_version === appVersion);
    await this.deps.ledger.record(
      ledgerEntry(appid, 'revert', {
        userVersion: target?.user_version ?? null,
        detail: target
          ? `rolled back to app_version ${target.app_version} (${target.user_version})`
          : 'rolled back to the previous version',
      }),
    );
    return this.deps.row(appid);
  }

  async grayRelease(appid: string, percentage: number): Promise<GrayPlanView> {
    if (!Number.isInteger(percentage) || percentage < 1 || percentage > 100)
      throw new Error('The phased-release share must be a whole percentage from 1 to 100.');
    try {
      await this.deps.api.grayRelease(appid, { gray_percentage: percentage });
    } catch (err) {
      explain(err, {
        85079: 'The first version of a mini-program cannot be released in phases',
        85080: 'The version has not passed its audit yet',
        85082: 'Each step must raise the share above the current one',
      });
    }
    const plan = (await this.deps.api.getGrayReleasePlan(appid)).gray_release_plan;
    await this.deps.ledger.record(ledgerEntry(appid, 'gray_release', { detail: `gray release at ${percentage}%` }));
    return { status: plan.status, percentage: plan.gray_percentage, createTimestamp: plan.create_timestamp };
  }

  async grayPlan(appid: string): Promise<GrayPlanView> {
    const plan = (await this.deps.api.getGrayReleasePlan(appid)).gray_release_plan;
    return { status: plan.status, percentage: plan.gray_percentage, createTimestamp: plan.create_timestamp };
  }

  async revertGray(appid: string): Promise<AuthorizerRow> {
    await this.deps.api.revertGrayRelease(appid);
    await this.deps.ledger.record(ledgerEntry(appid, 'revert_gray', { detail: 'phased release cancelled' }));
    return this.deps.row(appid);
  }

  async setVisit(appid: string, action: 'open' | 'close'): Promise<AuthorizerRow> {
    await this.deps.api.changeVisitStatus(appid, { action });
    await this.deps.ledger.record(
      ledgerEntry(appid, 'visit_status', { detail: action === 'close' ? 'service closed' : 'service reopened' }),
    );
    return this.deps.row(appid);
  }
}
