import { coded } from '../../contract/codes.js';
import { CodedError } from '../../contract/result.js';
import { readCodedOrNull } from '../platform/store/stored-text.js';
import type { AuthorizerDetail, AuthorizerFilter, AuthorizerRow } from '../../contract/fleet.js';
import type { EmitEvent } from '../../contract/handlers.js';
import type { ReadinessSummary } from '../../contract/readiness.js';
import { blankExtra } from '../platform/store/authorizer-extras-aggregate.js';
import type { AuthorizerRecord } from '../platform/store/authorizers-aggregate.js';
import type { Store } from '../platform/store/store.js';
import type { ExtVariablesReader, VersionReader, WeChatSettingsReader } from './fleet-sources.js';

export interface AuthorizerViews {
  list(filter: AuthorizerFilter): AuthorizerRow[];
  /** The row of one mini-program (after an action on it). */
  row(appid: string): AuthorizerRow;
  get(appid: string): Promise<AuthorizerDetail>;
  setTags(appid: string, tags: string[]): Promise<AuthorizerRow>;
}

export interface AuthorizerViewDeps {
  store: Pick<Store, 'authorizers' | 'authorizerExtras'>;
  emit: EmitEvent;
  versions: VersionReader;
  wechatSettings: WeChatSettingsReader;
  extVariables: ExtVariablesReader;
  /** The readiness column: what still holds each mini-program back. */
  readiness?: (appid: string) => ReadinessSummary | null;
}

const MAX_TAGS = 20;
// The same order as `localeCompare`, without setting up a collator for each of the ~800,000 comparisons of 50,000 rows.
const collate = new Intl.Collator().compare;

function notReadyMatches(row: AuthorizerRow, wanted: AuthorizerFilter['notReady']): boolean {
  if (wanted === undefined) return true;
  const keys = row.readiness?.notReady ?? [];
  return wanted === 'any' ? keys.length > 0 : keys.includes(wanted);
}

/** The fleet list and drawer: the store's records, the release side's version facts, WeChat's settings. */
export function createAuthorizerViews(deps: AuthorizerViewDeps): AuthorizerViews {
  const { store, emit } = deps;

  const toRow = (rec: AuthorizerRecord): AuthorizerRow => {
    const { online, audit, drift, gray, service } = deps.versions(rec.appid);
    return {
      appid: rec.appid,
      nickname: rec.nickname,
      userName: rec.userName,
      principal: rec.principal,
      status: rec.status,
      statusReason: readCodedOrNull(rec.statusReason),
      canManageCode: rec.funcInfo.includes(18),
      tags: [...(store.authorizerExtras.data.byAppid[rec.appid]?.tags ?? [])],
      online,
      audit,
      drift,
      gray,
      service,
      updatedAt: new Date(rec.updatedAt).toISOString(),
      readiness: deps.readiness?.(rec.appid) ?? null,
    };
  };

  const record = (appid: string): AuthorizerRecord => {
    const rec = store.authorizers.data.byAppid[appid];
    if (rec === undefined)
      throw new CodedError('invalid_argument', coded('unknown_mini_program', { appid: appid.slice(0, 64) }));
    return rec;
  };

  // The list order (nickname, then appid) is kept between queries: collating 50,000 names costs far more than
  // checking that no mini-program came, went or was renamed since.
  let order: { appids: string[]; nicknames: string[] } | null = null;
  const sorted = (): AuthorizerRecord[] => {
    const byAppid = store.authorizers.data.byAppid;
    const current = Object.values(byAppid);
    if (order !== null && order.appids.length === current.length) {
      const { appids, nicknames } = order;
      const records = appids.map((appid) => byAppid[appid]);
      if (records.every((rec, i) => rec !== undefined && rec.nickname === nicknames[i])) {
        return records as AuthorizerRecord[];
      }
    }
    const records = current.sort((a, b) => collate(a.nickname, b.nickname) || collate(a.appid, b.appid));
    order = { appids: records.map((rec) => rec.appid), nicknames: records.map((rec) => rec.nickname) };
    return records;
  };

  return {
    list(filter) {
      const needle = filter.search?.trim().toLowerCase() ?? '';
      return sorted()
        .map(toRow)
        .filter(
          (r) =>
            (filter.status === undefined || r.status === filter.status) &&
            (filter.tag === undefined || r.tags.includes(filter.tag)) &&
            (filter.drift === undefined || r.drift === filter.drift) &&
            (filter.templateId === undefined || r.online?.templateId === filter.templateId) &&
            notReadyMatches(r, filter.notReady) &&
            (needle === '' ||
              [r.appid, r.nickname, r.userName, r.principal, ...r.tags].some((f) => f.toLowerCase().includes(needle))),
        );
    },
    row: (appid) => toRow(record(appid)),
    async get(appid) {
      const rec = record(appid);
      const settings = await deps.wechatSettings(appid);
      return {
        ...toRow(rec),
        funcInfo: [...rec.funcInfo],
        headImg: store.authorizerExtras.data.byAppid[appid]?.headImg ?? null,
        experience: deps.versions(appid).experience,
        ...settings,
        extVariables: deps.extVariables(appid),
      };
    },
    async setTags(appid, tags) {
      record(appid);
      const clean = [...new Set(tags.map((t) => t.trim().slice(0, 40)).filter((t) => t !== ''))].slice(0, MAX_TAGS);
      await store.authorizerExtras.update((d) => {
        d.byAppid[appid] = { ...(d.byAppid[appid] ?? blankExtra()), tags: clean };
      });
      emit('authorizers:changed', { appids: [appid] });
      return toRow(record(appid));
    },
  };
}
