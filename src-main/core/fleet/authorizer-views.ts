import type { AuthorizerDetail, AuthorizerFilter, AuthorizerRow } from '../../contract/fleet.js';
import type { EmitEvent } from '../../contract/handlers.js';
import type { Clock } from '../platform/clock/clock.js';
import { blankExtra } from '../platform/store/authorizer-extras-aggregate.js';
import type { AuthorizerRecord } from '../platform/store/authorizers-aggregate.js';
import type { Store } from '../platform/store/store.js';

/** The release pipeline fills what it owns (online version, audit, drift, domains…) through these. */
export type RowDecorator = (row: AuthorizerRow) => AuthorizerRow;
export type DetailDecorator = (detail: AuthorizerDetail) => Promise<AuthorizerDetail>;

export interface AuthorizerViews {
  list(filter: AuthorizerFilter): AuthorizerRow[];
  get(appid: string): Promise<AuthorizerDetail>;
  setTags(appid: string, tags: string[]): Promise<AuthorizerRow>;
  addRowDecorator(fn: RowDecorator): void;
  addDetailDecorator(fn: DetailDecorator): void;
}

const MAX_TAGS = 20;

export function createAuthorizerViews(deps: { store: Store; clock: Clock; emit: EmitEvent }): AuthorizerViews {
  const { store, emit } = deps;
  const rowDecorators: RowDecorator[] = [];
  const detailDecorators: DetailDecorator[] = [];

  const baseRow = (rec: AuthorizerRecord): AuthorizerRow => ({
    appid: rec.appid,
    nickname: rec.nickname,
    userName: rec.userName,
    principal: rec.principal,
    status: rec.status,
    statusReason: rec.statusReason,
    canManageCode: rec.funcInfo.includes(18),
    tags: [...(store.authorizerExtras.data.byAppid[rec.appid]?.tags ?? [])],
    online: null,
    audit: null,
    drift: false,
    updatedAt: new Date(rec.updatedAt).toISOString(),
  });
  const row = (rec: AuthorizerRecord): AuthorizerRow => rowDecorators.reduce((r, fn) => fn(r), baseRow(rec));

  const record = (appid: string): AuthorizerRecord => {
    const rec = store.authorizers.data.byAppid[appid];
    if (rec === undefined) throw new Error(`Unknown mini-program ${appid.slice(0, 64)}.`);
    return rec;
  };

  return {
    list(filter) {
      const needle = filter.search?.trim().toLowerCase() ?? '';
      return Object.values(store.authorizers.data.byAppid)
        .map(row)
        .filter(
          (r) =>
            (filter.status === undefined || r.status === filter.status) &&
            (filter.tag === undefined || r.tags.includes(filter.tag)) &&
            (filter.drift === undefined || r.drift === filter.drift) &&
            (filter.templateId === undefined || r.online?.templateId === filter.templateId) &&
            (needle === '' ||
              [r.appid, r.nickname, r.userName, r.principal, ...r.tags].some((f) => f.toLowerCase().includes(needle))),
        )
        .sort((a, b) => a.nickname.localeCompare(b.nickname) || a.appid.localeCompare(b.appid));
    },
    async get(appid) {
      const rec = record(appid);
      let detail: AuthorizerDetail = {
        ...row(rec),
        funcInfo: [...rec.funcInfo],
        headImg: store.authorizerExtras.data.byAppid[appid]?.headImg ?? null,
        experience: null,
        domains: { requestdomain: [], wsrequestdomain: [], uploaddomain: [], downloaddomain: [] },
        webviewDomains: [],
        testers: [],
        privacyComplete: false,
        extVariables: {},
      };
      for (const fn of detailDecorators) detail = await fn(detail);
      return detail;
    },
    async setTags(appid, tags) {
      record(appid);
      const clean = [...new Set(tags.map((t) => t.trim().slice(0, 40)).filter((t) => t !== ''))].slice(0, MAX_TAGS);
      await store.authorizerExtras.update((d) => {
        d.byAppid[appid] = { ...(d.byAppid[appid] ?? blankExtra()), tags: clean };
      });
      emit('authorizers:changed', { appids: [appid] });
      return row(record(appid));
    },
    addRowDecorator: (fn) => void rowDecorators.push(fn),
    addDetailDecorator: (fn) => void detailDecorators.push(fn),
  };
}
