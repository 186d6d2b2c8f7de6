import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE = 'wxfleet_session';

/**
 * One random session secret held in an HttpOnly, SameSite=Strict cookie. The cookie is set by visiting a login link
 * whose one-time code is spent on first use, so a leaked link (shell history, screenshots) is worthless afterwards.
 */
export class WebSession {
  readonly secret = randomBytes(32).toString('base64url');
  private readonly codes = new Set<string>();

  mintLoginCode(): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.add(code);
    return code;
  }

  spendLoginCode(code: string | null): boolean {
    if (code === null || !this.codes.has(code)) return false;
    this.codes.delete(code);
    return true;
  }

  cookieHeader(): string {
    return `${COOKIE}=${this.secret}; HttpOnly; SameSite=Strict; Path=/`;
  }

  isAuthenticated(req: IncomingMessage): boolean {
    const cookies = req.headers.cookie ?? '';
    for (const part of cookies.split(';')) {
      const [name, value] = part.trim().split('=');
      if (name === COOKIE && value !== undefined) return safeEqual(value, this.secret);
    }
    return false;
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
