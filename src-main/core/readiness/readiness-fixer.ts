import { coded } from '../../contract/codes.js';
import type { FixRequest, FixResult, IcpStatusView, ReadinessItem } from '../../contract/readiness.js';
import type { Logger } from '../platform/log/logger.js';
import type { Store } from '../platform/store/store.js';
import { ledgerEntry } from '../release/ledger/ledger-entry.js';
import type { LedgerRecorder } from '../release/ledger/ledger-recorder.js';
import type { WeChatApi } from '../wechat/client/wechat-api.js';
import { WeChatError } from '../wechat/client/wechat-error.js';
import type { FixApi, FixOutcome } from './readiness-fixes.js';
import { runFix } from './readiness-fixes.js';
import type { ReadinessService } from './readiness-service.js';

export interface FixerDeps {
  api: FixApi & Pick<WeChatApi, 'getIcpEntranceInfo'>;
  store: Pick<Store, 'authorizers'>;
  readiness: ReadinessService;
  ledger: LedgerRecorder;
  logger: Logger;
  /** Where a merchant starts an ICP filing (the MP console of WeChat, or the simulator's). */
  mpHome: string;
}

export interface ReadinessFixer {
  /** One fix on each of the given mini-programs, one after another; every write is in the ledger. */
  fix(req: FixRequest): Promise<FixResult[]>;
  /** Every fix the console can make on its own, for each mini-program (the batch "fix all"). */
  fixAll(appids: string[]): Promise<FixResult[]>;
  icpStatus(appid: string): Promise<IcpStatusView>;
}

/** Fixes the console makes without asking the person for anything new (the profile has it). */
const AUTOMATIC = new Set(['apply_privacy_guide', 'apply_privacy_interfaces', 'apply_domains', 'add_category']);

function failure(error: unknown): FixOutcome {
  if (error instanceof WeChatError && error.errcode !== null) {
    return {
      ok: false,
      code: 'wechat_error',
      params: { errcode: String(error.errcode), zh: error.explanation.zh, en: error.explanation.en },
      change: null,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, code: 'failed', params: { message }, change: null };
}

export function createReadinessFixer(deps: FixerDeps): ReadinessFixer {
  const { readiness, ledger, logger, store } = deps;

  const one = async (appid: string, req: FixRequest): Promise<FixResult> => {
    const nickname = store.authorizers.data.byAppid[appid]?.nickname ?? appid;
    let outcome: FixOutcome;
    try {
      outcome = await runFix(
        { api: deps.api, profile: readiness.profile(), nickname, requiredCategory: readiness.requiredCategory(appid) },
        appid,
        req,
      );
    } catch (error) {
      logger.warn('readiness fix failed', { appid, action: req.action, error });
      outcome = failure(error);
    }
    if (outcome.change !== null) {
      await ledger.record(
        ledgerEntry(appid, 'merchant_setting', {
          detail: coded('ledger_merchant_setting', { change: outcome.change }),
        }),
      );
    }
    logger.info('readiness fix', { appid, action: req.action, ok: outcome.ok, code: outcome.code });
    return {
      appid,
      ok: outcome.ok,
      code: outcome.code,
      params: outcome.params,
      readiness: await readiness.refresh(appid),
    };
  };

  return {
    async fix(req) {
      const results: FixResult[] = [];
      for (const appid of req.appids) results.push(await one(appid, req));
      return results;
    },
    async fixAll(appids) {
      const results: FixResult[] = [];
      for (const appid of appids) {
        const fixable = (items: readonly ReadinessItem[]) =>
          items.filter((i) => i.state === 'missing' && i.fix !== null && AUTOMATIC.has(i.fix));
        let items = (await readiness.refresh(appid)).items;
        // A category is added by itself only when an audit rejection named which one.
        const todo = fixable(items).filter((i) => i.fix !== 'add_category' || i.reason === 'category_required');
        for (const it of todo) {
          const result = await one(appid, { action: it.fix, appids: [appid] } as FixRequest);
          results.push(result);
          items = result.readiness.items;
        }
        if (todo.length === 0) {
          results.push({ appid, ok: true, code: 'nothing_to_fix', params: {}, readiness: readiness.view(appid) });
        }
      }
      return results;
    },
    async icpStatus(appid) {
      const missing: IcpStatusView['missing'] = [];
      let status: number | null = null;
      try {
        status = (await deps.api.getIcpEntranceInfo(appid)).info.status;
      } catch (error) {
        logger.warn('ICP status not read', { appid, error });
      }
      if (status !== null && status >= 1024) {
        const bits = status - 1024;
        if (bits & 1) missing.push('basic_info');
        if (bits & 2) missing.push('category');
        if (bits & 4) missing.push('not_verified');
      }
      return { appid, status, filed: status === 6, missing, startUrl: deps.mpHome };
    },
  };
}
