import type { SimClock } from '../clock.js';
import type { SimulatorConfig } from '../config.js';
import { randomToken } from '../ids.js';

/** How a presented token fared: an errcode (40001 unknown or superseded, 42001 expired) or the holder. */
export type TokenCheck =
  { ok: true; kind: 'component' } | { ok: true; kind: 'authorizer'; appid: string } | { ok: false; code: number };

interface TokenRecord {
  kind: 'component' | 'authorizer';
  appid: string;
  expiresAt: number;
  /** When a newer token replaced it; it then lives on only for the configured overlap. */
  supersededUntil: number | null;
}

interface CodeRecord {
  expiresAt: number;
  used: boolean;
}

export interface AuthCodeRecord extends CodeRecord {
  appid: string;
  preAuthCode: string;
}

/** Tickets, tokens and one-time codes with their lifetimes (01 A0). */
export class Credentials {
  private readonly tickets = new Map<string, number>();
  latestTicket: string | null = null;
  private readonly tokens = new Map<string, TokenRecord>();
  private currentComponentToken: string | null = null;
  private readonly currentAuthorizerToken = new Map<string, string>();
  readonly preAuthCodes = new Map<string, CodeRecord>();
  readonly authCodes = new Map<string, AuthCodeRecord>();

  constructor(
    private readonly clock: SimClock,
    private readonly config: SimulatorConfig,
  ) {}

  issueTicket(): string {
    const ticket = `ticket@@@${randomToken(48)}`;
    this.tickets.set(ticket, this.clock.now() + this.config.ticketLifetimeSeconds);
    this.latestTicket = ticket;
    this.prune(this.tickets, (expiresAt) => expiresAt);
    return ticket;
  }

  /** 0 when usable, else 61006 (never issued) or 61005 (expired). */
  checkTicket(ticket: string): number {
    const expiresAt = this.tickets.get(ticket);
    if (expiresAt === undefined) return 61006;
    return this.clock.now() < expiresAt ? 0 : 61005;
  }

  issueComponentToken(): { token: string; expiresIn: number } {
    const previous = this.currentComponentToken === null ? undefined : this.tokens.get(this.currentComponentToken);
    if (previous) previous.supersededUntil = this.clock.now() + this.config.componentTokenOverlapSeconds;
    const token = `${randomToken(96)}`;
    this.tokens.set(token, {
      kind: 'component',
      appid: this.config.platform.componentAppid,
      expiresAt: this.clock.now() + this.config.componentTokenSeconds,
      supersededUntil: null,
    });
    this.currentComponentToken = token;
    this.pruneTokens();
    return { token, expiresIn: this.config.componentTokenSeconds };
  }

  issueAuthorizerToken(appid: string): { token: string; expiresIn: number } {
    const currentValue = this.currentAuthorizerToken.get(appid);
    const previous = currentValue === undefined ? undefined : this.tokens.get(currentValue);
    if (previous) previous.supersededUntil = this.clock.now() + this.config.authorizerTokenOverlapSeconds;
    const token = randomToken(96);
    this.tokens.set(token, {
      kind: 'authorizer',
      appid,
      expiresAt: this.clock.now() + this.config.authorizerTokenSeconds,
      supersededUntil: null,
    });
    this.currentAuthorizerToken.set(appid, token);
    return { token, expiresIn: this.config.authorizerTokenSeconds };
  }

  /** Kills every authorizer token of an app at once (unauthorized, re-authorization). */
  revokeAuthorizerTokens(appid: string): void {
    for (const [token, record] of this.tokens)
      if (record.kind === 'authorizer' && record.appid === appid) this.tokens.delete(token);
    this.currentAuthorizerToken.delete(appid);
  }

  checkToken(token: string): TokenCheck {
    const record = this.tokens.get(token);
    if (record === undefined) return { ok: false, code: 40001 };
    const now = this.clock.now();
    if (record.supersededUntil !== null && now >= record.supersededUntil) return { ok: false, code: 40001 };
    if (now >= record.expiresAt) return { ok: false, code: 42001 };
    return record.kind === 'component'
      ? { ok: true, kind: 'component' }
      : { ok: true, kind: 'authorizer', appid: record.appid };
  }

  createPreAuthCode(): { code: string; expiresIn: number } {
    const code = `preauthcode@@@${randomToken(36)}`;
    this.preAuthCodes.set(code, { expiresAt: this.clock.now() + this.config.preAuthCodeSeconds, used: false });
    this.prune(this.preAuthCodes, (r) => r.expiresAt);
    return { code, expiresIn: this.config.preAuthCodeSeconds };
  }

  /** 'ok', 'used', 'expired' or 'unknown'; does not consume. */
  preAuthCodeState(code: string): 'ok' | 'used' | 'expired' | 'unknown' {
    const record = this.preAuthCodes.get(code);
    if (record === undefined) return 'unknown';
    if (record.used) return 'used';
    return this.clock.now() < record.expiresAt ? 'ok' : 'expired';
  }

  consumePreAuthCode(code: string): void {
    const record = this.preAuthCodes.get(code);
    if (record) record.used = true;
  }

  createAuthCode(appid: string, preAuthCode: string): { code: string; expiresAt: number; expiresIn: number } {
    const code = `queryauthcode@@@${randomToken(60)}`;
    const expiresAt = this.clock.now() + this.config.authCodeSeconds;
    this.authCodes.set(code, { appid, preAuthCode, expiresAt, used: false });
    this.prune(this.authCodes, (r) => r.expiresAt);
    return { code, expiresAt, expiresIn: this.config.authCodeSeconds };
  }

  /** Single use: 61009 unknown or used, 61010 expired; else the appid it grants. */
  consumeAuthCode(code: string): { ok: true; appid: string } | { ok: false; code: number } {
    const record = this.authCodes.get(code);
    if (record === undefined || record.used) return { ok: false, code: 61009 };
    if (this.clock.now() >= record.expiresAt) return { ok: false, code: 61010 };
    record.used = true;
    return { ok: true, appid: record.appid };
  }

  /** Invalidates unused codes of an app, e.g. when the merchant revokes. */
  dropAuthCodes(appid: string): void {
    for (const record of this.authCodes.values()) if (record.appid === appid) record.used = true;
  }

  ticketCount(): number {
    return this.tickets.size;
  }

  private pruneTokens(): void {
    if (this.tokens.size < 5000) return;
    const now = this.clock.now();
    for (const [token, record] of this.tokens) if (now >= record.expiresAt + 86400) this.tokens.delete(token);
  }

  /** Keeps the maps bounded; expired entries are kept a day so their errcode stays "expired", not "invalid". */
  private prune<T>(map: Map<string, T>, expiry: (value: T) => number): void {
    if (map.size < 2000) return;
    const cutoff = this.clock.now() - 86400;
    for (const [key, value] of map) if (expiry(value) < cutoff) map.delete(key);
  }
}
