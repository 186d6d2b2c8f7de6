import type { AttentionItem, OverviewView, RelayStatusView } from '../../contract/fleet.js';
import type { Clock } from '../platform/clock/clock.js';
import type { EventLog } from '../events/event-log.js';
import { missingCodePermission, needsReauth } from '../onboarding/notices.js';
import type { Store } from '../platform/store/store.js';
import type { WeChatStack } from '../wechat/wechat-stack.js';
import type { Vault } from '../platform/vault/vault.js';
import { attentionOfSetup } from './setup-attention.js';

/** What the release side reports: audit quota, audits in flight, failing jobs and its attention items. */
export type ReleaseOverview = Pick<OverviewView, 'auditQuota' | 'auditsInFlight' | 'failingJobs'> & {
  attention: AttentionItem[];
};

export interface OverviewDeps {
  store: Store;
  vault: Vault;
  clock: Clock;
  wechat: WeChatStack;
  relayStatus: () => RelayStatusView;
  relayConfigured: () => boolean;
  eventLog: EventLog;
  release: () => Promise<ReleaseOverview>;
  /** The 61004 item while WeChat refuses the caller's IP. */
  ipWhitelist: () => AttentionItem | null;
}

export async function buildOverview(deps: OverviewDeps): Promise<OverviewView> {
  const { store, vault, clock } = deps;
  const tickets = deps.wechat.tickets;
  const age = tickets.ageMs();
  const stale = tickets.current() === undefined;
  const token = vault.get('component.accessToken');
  const tokenValid = token !== undefined && token.expiresAt > clock.now();
  const all = Object.values(store.authorizers.data.byAppid);
  const relay = deps.relayStatus();

  const attention: AttentionItem[] = [
    ...attentionOfSetup({ store, vault, relay, relayConfigured: deps.relayConfigured(), ticketStale: stale }),
  ];
  const refused = deps.ipWhitelist();
  if (refused) attention.push(refused);
  for (const a of all) {
    if (a.status === 'needs_reauth') {
      attention.push({
        kind: 'needs_reauth',
        appid: a.appid,
        message: needsReauth(a.nickname || a.appid, a.statusReason),
      });
    } else if (a.status === 'authorized' && a.funcInfo.length > 0 && !a.funcInfo.includes(18)) {
      attention.push({
        kind: 'missing_code_permission',
        appid: a.appid,
        message: missingCodePermission(a.appid),
      });
    }
  }

  const release = await deps.release();
  return {
    relay,
    ticket: { ageSeconds: age === null ? null : Math.round(age / 1000), stale },
    componentToken: {
      state: tokenValid ? 'valid' : 'missing',
      expiresAt: tokenValid ? new Date(token.expiresAt).toISOString() : null,
    },
    auditQuota: release.auditQuota,
    authorizers: {
      total: all.length,
      authorized: all.filter((a) => a.status === 'authorized').length,
      needsReauth: all.filter((a) => a.status === 'needs_reauth').length,
      revoked: all.filter((a) => a.status === 'revoked').length,
    },
    auditsInFlight: release.auditsInFlight,
    failingJobs: release.failingJobs,
    attention: [...attention, ...release.attention],
    recentEvents: deps.eventLog.list({ limit: 10 }),
  };
}
