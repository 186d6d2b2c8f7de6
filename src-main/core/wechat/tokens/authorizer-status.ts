import type { Clock } from '../../platform/clock/clock.js';
import type { AuthorizerRecord, AuthorizerStatus } from '../../platform/store/authorizers-aggregate.js';
import type { Store } from '../../platform/store/store.js';

/** A record for a merchant we know only by appid (adopted or listed before its info was fetched). */
export function blankAuthorizer(appid: string, now: number): AuthorizerRecord {
  return {
    appid,
    nickname: '',
    userName: '',
    principal: '',
    funcInfo: [],
    status: 'authorized',
    statusReason: null,
    authTime: null,
    updatedAt: now,
  };
}

export async function setAuthorizerStatus(
  store: Store,
  clock: Clock,
  appid: string,
  status: AuthorizerStatus,
  reason: string | null,
): Promise<void> {
  await store.authorizers.update((d) => {
    const rec = d.byAppid[appid] ?? blankAuthorizer(appid, clock.now());
    d.byAppid[appid] = { ...rec, status, statusReason: reason, updatedAt: clock.now() };
  });
}
