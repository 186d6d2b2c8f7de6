import { coded } from '../../../contract/codes.js';
import { CodedError } from '../../../contract/result.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Logger } from '../../platform/log/logger.js';
import type { TicketSecret } from '../../platform/vault/secret-names.js';
import type { Vault } from '../../platform/vault/vault.js';
import type { WeChatHttp } from '../client/wechat-http.js';
import { TicketUnavailableError } from './token-errors.js';

export const TICKET_LIFETIME_MS = 12 * 3600_000;

export interface TicketStoreDeps {
  vault: Vault;
  http: WeChatHttp;
  clock: Clock;
  logger: Logger;
  componentAppid: () => string;
  /** How long to wait for a pushed ticket after api_start_push_ticket. */
  waitMs?: number;
  /** A ticket this close to its 12 h end no longer counts as fresh. */
  safetyMs?: number;
  /** api_start_push_ticket is not called more often than this. */
  startPushIntervalMs?: number;
}

export interface TicketStore {
  /** Keeps `value` if it is newer than the stored ticket (`receivedAt`: its CreateTime in ms); durable when resolved. */
  put(value: string, receivedAt: number): Promise<void>;
  /** The latest ticket if still fresh. */
  current(): TicketSecret | undefined;
  /** Age of the latest ticket in ms, or null (diagnosis). */
  ageMs(): number | null;
  /** WeChat said this ticket is expired or invalid (61005/61006). */
  reject(value: string): void;
  /** A fresh ticket, asking WeChat to push one (and waiting for it) when there is none. */
  fresh(): Promise<string>;
}

export function createTicketStore(deps: TicketStoreDeps): TicketStore {
  const { vault, clock, logger } = deps;
  const waitMs = deps.waitMs ?? 30_000;
  const safetyMs = deps.safetyMs ?? 10 * 60_000;
  const rejected = new Set<string>();
  let waiters: Array<(value: string) => void> = [];
  let lastStartPush = Number.NEGATIVE_INFINITY;

  const current = (): TicketSecret | undefined => {
    const t = vault.get('component.ticket');
    if (!t || rejected.has(t.value) || clock.now() - t.receivedAt >= TICKET_LIFETIME_MS - safetyMs) return undefined;
    return t;
  };

  async function askForPush(): Promise<void> {
    if (clock.now() - lastStartPush < (deps.startPushIntervalMs ?? 60_000)) return;
    lastStartPush = clock.now();
    const secret = vault.get('component.appsecret');
    if (!secret) throw new CodedError('not_configured', coded('appsecret_not_set'));
    logger.info('no fresh ticket; asking WeChat to push one');
    await deps.http.call(
      'apiStartPushTicket',
      { component_appid: deps.componentAppid(), component_secret: secret },
      null,
    );
  }

  let pending: Promise<string> | undefined;

  return {
    async put(value, receivedAt) {
      const stored = vault.get('component.ticket');
      // An older ticket never replaces the current one, and the current one replayed as it was (same CreateTime)
      // changes nothing, in particular not WeChat's verdict that it is invalid. The same value pushed anew is newer.
      if (stored && (stored.receivedAt > receivedAt || (stored.receivedAt === receivedAt && stored.value === value)))
        return;
      await vault.set('component.ticket', { value, receivedAt });
      rejected.delete(value);
      const ready = waiters;
      waiters = [];
      ready.forEach((resolve) => resolve(value));
    },
    current,
    ageMs: () => {
      const t = vault.get('component.ticket');
      return t ? clock.now() - t.receivedAt : null;
    },
    reject: (value) => {
      rejected.add(value);
      logger.warn('WeChat rejected the stored ticket');
    },
    fresh() {
      const ticket = current();
      if (ticket) return Promise.resolve(ticket.value);
      pending ??= new Promise<string>((resolve, reject) => {
        const timer = clock.setTimeout(() => {
          waiters = waiters.filter((w) => w !== onTicket);
          reject(new TicketUnavailableError(waitMs));
        }, waitMs);
        const onTicket = (value: string): void => {
          clock.clearTimeout(timer);
          resolve(value);
        };
        waiters.push(onTicket);
        askForPush().catch((err: unknown) => {
          clock.clearTimeout(timer);
          waiters = waiters.filter((w) => w !== onTicket);
          reject(err);
        });
      }).finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
