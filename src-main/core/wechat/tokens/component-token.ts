import { coded } from '../../../contract/codes.js';
import { CodedError } from '../../../contract/result.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Logger } from '../../platform/log/logger.js';
import type { ExpiringSecret } from '../../platform/vault/secret-names.js';
import type { Vault } from '../../platform/vault/vault.js';
import { WeChatError } from '../client/wechat-error.js';
import type { WeChatHttp } from '../client/wechat-http.js';
import { CircuitBreaker } from './circuit-breaker.js';
import type { RefreshTiming } from './refresh-timing.js';
import { DEFAULT_TIMING, refreshAt } from './refresh-timing.js';
import { SingleFlight } from './single-flight.js';
import type { TicketStore } from './ticket-store.js';

export interface ComponentTokenDeps {
  http: WeChatHttp;
  vault: Vault;
  tickets: TicketStore;
  clock: Clock;
  logger: Logger;
  componentAppid: () => string;
  random?: () => number;
  timing?: Partial<RefreshTiming>;
  breaker?: CircuitBreaker;
}

export interface ComponentTokens {
  token(): Promise<string>;
  /** Drops `failed` only if it is still the current token: a newer one fetched meanwhile is kept. */
  tokenFailed(failed: string): void;
  readonly breaker: CircuitBreaker;
}

const TICKET_ERRORS = new Set([61005, 61006]);

/** The platform's component_access_token: one refresher, single-flight, refreshed early with jitter. */
export function createComponentTokens(deps: ComponentTokenDeps): ComponentTokens {
  const { vault, clock, logger } = deps;
  const timing = { ...DEFAULT_TIMING, ...deps.timing };
  const random = deps.random ?? Math.random;
  const breaker = deps.breaker ?? new CircuitBreaker({ name: 'component token', clock, logger });
  const flight = new SingleFlight<string>();
  let current: ExpiringSecret | undefined = vault.get('component.accessToken');
  let softDeadline = current ? refreshAt(current.expiresAt, timing, random) : 0;

  async function fetchOnce(ticket: string): Promise<ExpiringSecret> {
    const secret = vault.get('component.appsecret');
    if (!secret) throw new CodedError('not_configured', coded('appsecret_not_set'));
    const res = await deps.http.call(
      'apiComponentToken',
      { component_appid: deps.componentAppid(), component_appsecret: secret, component_verify_ticket: ticket },
      null,
    );
    const now = clock.now();
    return { value: res.component_access_token, obtainedAt: now, expiresAt: now + res.expires_in * 1000 };
  }

  async function refresh(): Promise<string> {
    breaker.check();
    let fresh: ExpiringSecret;
    try {
      let ticket = await deps.tickets.fresh();
      try {
        fresh = await fetchOnce(ticket);
      } catch (err) {
        if (!(err instanceof WeChatError) || err.errcode === null || !TICKET_ERRORS.has(err.errcode)) throw err;
        deps.tickets.reject(ticket);
        ticket = await deps.tickets.fresh();
        fresh = await fetchOnce(ticket);
      }
      current = fresh;
      softDeadline = refreshAt(fresh.expiresAt, timing, random);
      breaker.success();
    } catch (err) {
      breaker.failure(err);
      throw err;
    }
    // Kept across restarts to spare the quota; losing the write only costs one fetch after a restart.
    await vault
      .set('component.accessToken', fresh)
      .catch((err: unknown) => logger.warn('could not persist the component token', { error: err }));
    logger.info('component token refreshed', { expiresInS: Math.round((fresh.expiresAt - clock.now()) / 1000) });
    return fresh.value;
  }

  const refreshShared = (): Promise<string> => flight.run('component', refresh);

  return {
    breaker,
    token() {
      const now = clock.now();
      if (current && now < current.expiresAt - timing.hardMarginMs) {
        if (now >= softDeadline && !flight.isRunning('component') && !breaker.isOpen) {
          refreshShared().catch((err: unknown) => logger.warn('early component token refresh failed', { error: err }));
        }
        return Promise.resolve(current.value);
      }
      return refreshShared();
    },
    tokenFailed(failed) {
      if (current?.value !== failed) return;
      current = undefined;
      logger.info('component token rejected by WeChat; dropped');
      vault.delete('component.accessToken').catch((err: unknown) => logger.warn('vault delete failed', { error: err }));
    },
  };
}
