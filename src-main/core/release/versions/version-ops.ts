import { coded } from '../../../contract/codes.js';
import { CodedError } from '../../../contract/result.js';
import type { AuthorizerRow } from '@contract/fleet';
import type { GrayOptions, GrayPlanView, HistoryVersionView, VersionStateView } from '@contract/release';
import type { GrayReleasePlan } from '@wxfleet/protocol';
import type { LedgerRecorder } from '../ledger/ledger-recorder.js';
import type { ReleaseApi } from '../release-api.js';
import { ledgerEntry } from '../ledger/ledger-entry.js';
import { foldVersions } from '../ledger/version-state.js';
import type { Ledger } from '../ledger/ledger.js';
import { WeChatError } from '../../wechat/client/wechat-error.js';

export interface VersionOpsDeps {
  api: ReleaseApi;
  ledger: LedgerRecorder & Pick<Ledger, 'entries'>;
  /** The fleet row of a mini-program after an action on it. */
  row(appid: string): AuthorizerRow;
  /** Told when a version went fully online, so job items waiting in `passed` follow. */
  onReleased?(appid: string): void;
}

/**
 * WeChat's refusal of a version operation (87011 phased release running, 87012 nothing to roll back to, 85082 the
 * share must rise…): its errcode, explained by the catalogue, as WeChat's rule — not a fault of wxfleet.
 */
async function refusedBy<T>(known: readonly number[], call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof WeChatError && err.errcode !== null && known.includes(err.errcode))
      throw new CodedError('wechat_error', coded('version_op_refused', {}, err.errcode));
    throw err;
  }
}

export const planView = (plan: GrayReleasePlan): GrayPlanView => ({
  status: plan.status,
  percentage: plan.gray_percentage,
  createTimestamp: plan.create_timestamp,
  testersFirst: plan.support_debuger_first === true,
  experiencersFirst: plan.support_experiencer_first === true,
});

/** Rollback, phased release and service on/off for one mini-program; each change is written to the ledger. */
export class VersionOps {
  constructor(private readonly deps: VersionOpsDeps) {}

  /** The last released versions WeChat keeps (at most 5), for choosing where to roll back to. */
  async history(appid: string): Promise<HistoryVersionView[]> {
    const list = (await this.deps.api.getHistoryVersion(appid)).version_list ?? [];
    return list.map((v) => ({
      appVersion: v.app_version,
      userVersion: v.user_version,
      userDesc: v.user_desc,
      commitTime: v.commit_time,
    }));
  }

  /** Reads service state, phased release and history from WeChat. */
  async state(appid: string): Promise<VersionStateView> {
    const [service, plan, history] = await Promise.all([
      this.service(appid),
      this.deps.api.getGrayReleasePlan(appid),
      this.history(appid),
    ]);
    const gray = plan.gray_release_plan?.status === 1 ? planView(plan.gray_release_plan) : null;
    return { appid, service, gray, history };
  }

  /** The service state WeChat reports; a change the ledger did not see (made elsewhere, or lost in a crash) is noted. */
  async service(appid: string): Promise<'open' | 'closed'> {
    const service = (await this.deps.api.getVisitStatus(appid)).status === 0 ? 'closed' : 'open';
    const known = foldVersions(this.deps.ledger.entries(appid)).visitOpen;
    if (known === null ? service === 'closed' : known !== (service === 'open'))
      await this.deps.ledger.record(
        ledgerEntry(appid, 'visit_status', {
          detail: coded(service === 'closed' ? 'ledger_service_closed' : 'ledger_service_reopened'),
        }),
      );
    return service;
  }

  async revert(appid: string, appVersion: number | null = null): Promise<AuthorizerRow> {
    const history = await this.history(appid);
    const target = appVersion === null ? history[0] : history.find((h) => h.appVersion === appVersion);
    if (appVersion !== null && target === undefined)
      throw new CodedError('invalid_argument', coded('rollback_version_unknown', { appVersion }));
    await refusedBy([87011, 87012], () =>
      this.deps.api.revertCodeRelease(appid, appVersion === null ? {} : { app_version: appVersion }),
    );
    await this.deps.ledger.record(
      ledgerEntry(appid, 'revert', {
        userVersion: target?.userVersion ?? null,
        detail: target
          ? coded('ledger_reverted_to', { appVersion: target.appVersion, userVersion: target.userVersion })
          : null,
      }),
    );
    return this.deps.row(appid);
  }

  async grayRelease(appid: string, options: GrayOptions): Promise<GrayPlanView> {
    const { percentage } = options;
    const testersFirst = options.testersFirst ?? false;
    const experiencersFirst = options.experiencersFirst ?? false;
    if (!Number.isInteger(percentage) || percentage < 0 || percentage > 100)
      throw new CodedError('invalid_argument', coded('gray_percentage_range'));
    if (percentage === 0 && !testersFirst && !experiencersFirst)
      throw new CodedError('invalid_argument', coded('gray_zero_needs_group'));
    await refusedBy([85079, 85080, 85081, 85082, 86002], () =>
      this.deps.api.grayRelease(appid, {
        gray_percentage: percentage,
        support_debuger_first: testersFirst,
        support_experiencer_first: experiencersFirst,
      }),
    );
    const plan = planView((await this.deps.api.getGrayReleasePlan(appid)).gray_release_plan);
    const flags = { testersFirst: testersFirst ? 1 : 0, experiencersFirst: experiencersFirst ? 1 : 0 };
    await this.deps.ledger.record(
      ledgerEntry(appid, 'gray_release', { detail: coded('ledger_gray_release', { percentage, ...flags }) }),
    );
    return plan;
  }

  async grayPlan(appid: string): Promise<GrayPlanView> {
    return planView((await this.deps.api.getGrayReleasePlan(appid)).gray_release_plan);
  }

  /** Releases the version in phased release to everyone (release during a running plan ends it). */
  async releaseFully(appid: string): Promise<AuthorizerRow> {
    const gray = foldVersions(this.deps.ledger.entries(appid)).gray;
    await refusedBy([85019, 85020, 85052], () => this.deps.api.release(appid));
    await this.deps.ledger.record(
      ledgerEntry(appid, 'release', {
        templateId: gray?.templateId ?? null,
        userVersion: gray?.userVersion ?? null,
        detail: coded('ledger_released_fully'),
      }),
    );
    this.deps.onReleased?.(appid);
    return this.deps.row(appid);
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
