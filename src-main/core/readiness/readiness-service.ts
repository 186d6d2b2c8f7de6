import { coded } from '../../contract/codes.js';
import type { EmitEvent } from '../../contract/handlers.js';
import { CodedError } from '../../contract/result.js';
import type {
  PreflightView,
  ReadinessItem,
  ReadinessKey,
  ReadinessProfile,
  ReadinessSummary,
  ReadinessView,
} from '../../contract/readiness.js';
import type { Clock } from '../platform/clock/clock.js';
import type { Logger } from '../platform/log/logger.js';
import type { Store } from '../platform/store/store.js';
import type { ReadinessApi } from './read-facts.js';
import { readFacts } from './read-facts.js';
import { categoryNamedBy, heldBy, readinessItems } from './readiness-items.js';
import { checkProfile, profileOf } from './readiness-profile.js';

export interface ReadinessDeps {
  store: Pick<Store, 'authorizers' | 'readiness' | 'release'>;
  api: ReadinessApi;
  clock: Clock;
  logger: Logger;
  emit: EmitEvent;
}

export interface ReadinessService {
  view(appid: string): ReadinessView;
  summary(appid: string): ReadinessSummary | null;
  /** Reads WeChat again for one mini-program and stores the record. */
  refresh(appid: string): Promise<ReadinessView>;
  /** Every authorized mini-program (or the given ones), a few at a time. */
  refreshMany(appids: string[] | null): Promise<ReadinessView[]>;
  /** Authorized mini-programs never read, or read longer ago than `maxAgeMs` (what a fleet-wide sync re-reads). */
  refreshStale(maxAgeMs: number): Promise<ReadinessView[]>;
  profile(): ReadinessProfile;
  saveProfile(profile: ReadinessProfile): Promise<ReadinessProfile>;
  /** Fresh readiness of each mini-program; the ones that would fail audit (or release) are held with the reason. */
  preflight(appids: string[], withRelease: boolean): Promise<PreflightView>;
  /** The category the last audit rejection of the mini-program named, if any. */
  requiredCategory(appid: string): string | null;
}

const AT_ONCE = 4;
const PREFLIGHT_FRESH_MS = 2 * 60_000;

/** Runs `fn` over `items` with at most `limit` running at once, keeping the order of results. */
export async function inBatches<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Reasons about the code committed now. A deploy commits other code, whose privacy use WeChat reports only after
 * the commit: the pipeline checks it there (61040 on submit spends no quota), so they do not hold a deploy back.
 */
const ABOUT_COMMITTED_CODE = new Set([
  'interface_not_applied',
  'interface_rejected',
  'interface_reviewing',
  'guide_uncovered',
  'code_scanning',
]);

const notReadyOf = (items: readonly ReadinessItem[]): ReadinessKey[] => heldBy(items, true);
const pendingOf = (items: readonly ReadinessItem[]): ReadinessKey[] =>
  items.filter((i) => i.state === 'pending').map((i) => i.key);

export function createReadinessService(deps: ReadinessDeps): ReadinessService {
  const { store, clock, logger, emit } = deps;

  const nickname = (appid: string): string => store.authorizers.data.byAppid[appid]?.nickname ?? appid;
  const requiredCategory = (appid: string): string | null => {
    const audit = store.release.data.audits[appid];
    return audit?.state === 'rejected' ? categoryNamedBy(audit.reason) : null;
  };

  const view = (appid: string): ReadinessView => {
    const rec = store.readiness.data.byAppid[appid];
    const items = (rec?.items ?? []) as ReadinessItem[];
    return {
      appid,
      nickname: nickname(appid),
      checkedAt: rec ? new Date(rec.checkedAt).toISOString() : null,
      items,
      notReady: notReadyOf(items),
      pending: pendingOf(items),
    };
  };

  const refresh = async (appid: string): Promise<ReadinessView> => {
    const rec = store.authorizers.data.byAppid[appid];
    if (rec === undefined) throw new CodedError('invalid_argument', coded('unknown_mini_program', { appid }));
    const facts = await readFacts({ api: deps.api, logger }, appid, {
      funcInfo: rec.funcInfo,
      profile: profileOf(store.readiness.data).domains,
      requiredCategory: requiredCategory(appid),
    });
    const items = readinessItems(facts);
    await store.readiness.update((d) => {
      d.byAppid[appid] = { checkedAt: clock.now(), items };
    });
    emit('authorizers:changed', { appids: [appid] });
    return view(appid);
  };

  const authorized = (): string[] =>
    Object.values(store.authorizers.data.byAppid)
      .filter((a) => a.status === 'authorized')
      .map((a) => a.appid);

  return {
    view,
    summary(appid) {
      const rec = store.readiness.data.byAppid[appid];
      if (rec === undefined) return null;
      const items = rec.items as ReadinessItem[];
      return {
        checkedAt: new Date(rec.checkedAt).toISOString(),
        notReady: notReadyOf(items),
        pending: pendingOf(items),
      };
    },
    refresh,
    refreshMany: (appids) => inBatches(appids ?? authorized(), AT_ONCE, refresh),
    refreshStale(maxAgeMs) {
      const before = clock.now() - maxAgeMs;
      const stale = authorized().filter((a) => (store.readiness.data.byAppid[a]?.checkedAt ?? 0) <= before);
      return inBatches(stale, AT_ONCE, refresh);
    },
    profile: () => profileOf(store.readiness.data),
    async saveProfile(profile) {
      const clean = checkProfile(profile);
      await store.readiness.update((d) => {
        d.profile = clean;
      });
      logger.info('readiness profile saved', {
        purposes: clean.guide.purposes.length,
        domains: Object.values(clean.domains).flat().length,
      });
      return profileOf(store.readiness.data);
    },
    async preflight(appids, withRelease) {
      // A read from the last two minutes stands (the dialog checks, then the deploy checks again).
      const fresh = clock.now() - PREFLIGHT_FRESH_MS;
      const views = await inBatches(appids, AT_ONCE, (appid) =>
        (store.readiness.data.byAppid[appid]?.checkedAt ?? 0) > fresh ? Promise.resolve(view(appid)) : refresh(appid),
      );
      const held = views
        .map((v) => {
          const deployable = v.items.filter((i) => i.reason === null || !ABOUT_COMMITTED_CODE.has(i.reason));
          return { appid: v.appid, nickname: v.nickname, keys: heldBy(deployable, withRelease), items: v.items };
        })
        .filter((h) => h.keys.length > 0)
        .map((h) => ({ ...h, items: h.items.filter((i) => h.keys.includes(i.key)) }));
      const heldIds = new Set(held.map((h) => h.appid));
      return { ready: appids.filter((a) => !heldIds.has(a)), held };
    },
    requiredCategory,
  };
}
