import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE = 'wxfleet_session';

export interface WebSessionOptions {
  /** How long a login link works: long enough to paste it into a browser, short enough that a copy goes stale. */
  loginCodeMs?: number;
  /** How long a browser stays logged in; the cookie's Max-Age says the same, so the browser drops it too. */
  sessionMs?: number;
  now?: () => number;
}

export const DEFAULT_LOGIN_CODE_MS = 5 * 60_000;
export const DEFAULT_SESSION_MS = 12 * 3600_000;
/** Outstanding codes and live sessions are bounded: minting more drops the oldest. */
const MAX_CODES = 16;
const MAX_SESSIONS = 32;

/**
 * Login links and the browser sessions they open. A link's code is spent on first use and expires within minutes,
 * so a leaked link (shell history, screenshots) is worthless afterwards; each login gets its own random session
 * secret in an HttpOnly, SameSite=Strict cookie with a bounded lifetime. Only digests are kept in memory.
 */
export class WebSession {
  private readonly codes = new Map<string, number>();
  private readonly sessions = new Map<string, number>();
  private readonly loginCodeMs: number;
  private readonly sessionMs: number;
  private readonly now: () => number;

  constructor(options: WebSessionOptions = {}) {
    this.loginCodeMs = options.loginCodeMs ?? DEFAULT_LOGIN_CODE_MS;
    this.sessionMs = options.sessionMs ?? DEFAULT_SESSION_MS;
    this.now = options.now ?? Date.now;
  }

  mintLoginCode(): string {
    const code = randomBytes(24).toString('base64url');
    remember(this.codes, digest(code), this.now() + this.loginCodeMs, MAX_CODES);
    return code;
  }

  /** The `Set-Cookie` header of a new session when `code` is a live, unspent login code; null otherwise. */
  login(code: string | null): string | null {
    if (code === null) return null;
    const key = digest(code);
    const expires = this.codes.get(key);
    this.codes.delete(key);
    if (expires === undefined || expires <= this.now()) return null;
    const secret = randomBytes(32).toString('base64url');
    remember(this.sessions, digest(secret), this.now() + this.sessionMs, MAX_SESSIONS);
    const maxAge = Math.floor(this.sessionMs / 1000);
    return `${COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}`;
  }

  isAuthenticated(req: IncomingMessage): boolean {
    return this.sessionEnd(req) !== null;
  }

  /** When the request's session ends (ms), or null when it has none or it already ended. */
  sessionEnd(req: IncomingMessage): number | null {
    const secret = cookieValue(req.headers.cookie ?? '');
    if (secret === null) return null;
    const key = digest(secret);
    for (const [known, expires] of this.sessions) {
      if (safeEqual(known, key)) return expires > this.now() ? expires : null;
    }
    return null;
  }

  /** Whether a session that ends at `end` has ended. */
  ended(end: number): boolean {
    return end <= this.now();
  }
}

function cookieValue(header: string): string | null {
  for (const part of header.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === COOKIE && value !== undefined && value !== '') return value;
  }
  return null;
}

function remember(map: Map<string, number>, key: string, expires: number, max: number): void {
  map.set(key, expires);
  while (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

const digest = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
