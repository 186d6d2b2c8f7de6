export interface RefreshTiming {
  /** Start refreshing in the background this long before expiry… */
  earlyMs: number;
  /** …plus a random part of this, so that tokens fetched together do not all refresh together. */
  jitterMs: number;
  /** Closer than this to expiry the cached token is not used: callers wait for the refresh. */
  hardMarginMs: number;
}

/**
 * 5–7 min early: WeChat advises refreshing around 1 h 50 min into a 2 h token, and refreshing much earlier than
 * 9 min would exceed 13 component-token calls a day.
 */
export const DEFAULT_TIMING: RefreshTiming = { earlyMs: 5 * 60_000, jitterMs: 2 * 60_000, hardMarginMs: 30_000 };

export function refreshAt(expiresAt: number, timing: RefreshTiming, random: () => number): number {
  return expiresAt - timing.earlyMs - Math.floor(random() * timing.jitterMs);
}
