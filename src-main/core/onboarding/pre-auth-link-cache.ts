import type { Clock } from '../platform/clock/clock.js';

/**
 * The pre_auth_code behind an invitation's link is reused for its lifetime: every launch-page visit would otherwise
 * spend a call of the platform's quota (a crawler or an attacker hitting one link would burn it). A link is handed out
 * only while the merchant still has `marginMs` to finish on WeChat's page with it.
 */
export interface PreAuthLinkCache {
  /** The cached link for `key`, else `mint()`'s; concurrent asks for one key share one mint. */
  get(key: string, mint: () => Promise<{ url: string; expiresInSeconds: number }>): Promise<string>;
  /** Forgets every link of an invitation (it was completed or revoked). */
  forget(inviteId: string): void;
}

/** The reference's shortest lifetime (01: "treat as ≤10 min"); a longer `expires_in` is not trusted further. */
export const MAX_PRE_AUTH_SECONDS = 600;
const DEFAULT_MARGIN_MS = 120_000;

export const preAuthLinkKey = (inviteId: string, variant: string, context: string): string =>
  [inviteId, variant, context].join('\u0000');

export function createPreAuthLinkCache(clock: Clock, marginMs = DEFAULT_MARGIN_MS): PreAuthLinkCache {
  const links = new Map<string, { url: string; usableUntil: number }>();
  const minting = new Map<string, Promise<string>>();

  const sweep = (now: number): void => {
    for (const [key, link] of links) if (link.usableUntil <= now) links.delete(key);
  };

  return {
    get(key, mint) {
      sweep(clock.now());
      const cached = links.get(key);
      if (cached !== undefined) return Promise.resolve(cached.url);
      let pending = minting.get(key);
      if (pending === undefined) {
        pending = mint()
          .then(({ url, expiresInSeconds }) => {
            const lifetimeMs = Math.min(validSeconds(expiresInSeconds), MAX_PRE_AUTH_SECONDS) * 1000;
            // A short-lived code is still cached for half its life rather than minted on every visit.
            const usableUntil = clock.now() + Math.max(lifetimeMs - marginMs, lifetimeMs / 2);
            links.set(key, { url, usableUntil });
            return url;
          })
          .finally(() => minting.delete(key));
        minting.set(key, pending);
      }
      return pending;
    },
    forget(inviteId) {
      const prefix = `${inviteId}\u0000`;
      for (const key of links.keys()) if (key.startsWith(prefix)) links.delete(key);
    },
  };
}

function validSeconds(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : MAX_PRE_AUTH_SECONDS;
}
