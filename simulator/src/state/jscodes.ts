import { randomToken } from '../ids.js';

interface JsCode {
  appid: string;
  openid: string;
  unionid: string | undefined;
  expiresAt: number;
  used: boolean;
}

/** The codes `wx.login` hands a mini program (01 A15): single use, short-lived, bound to one appid. */
export class JsCodes {
  private readonly codes = new Map<string, JsCode>();

  issue(appid: string, openid: string, unionid: string | undefined, expiresAt: number): string {
    const code = randomToken(24);
    this.codes.set(code, { appid, openid, unionid, expiresAt, used: false });
    if (this.codes.size > 10_000) this.codes.delete(this.codes.keys().next().value!);
    return code;
  }

  /** 'ok' consumes the code. */
  redeem(code: string, appid: string, now: number): { state: 'ok'; entry: JsCode } | { state: 'invalid' | 'used' } {
    const entry = this.codes.get(code);
    if (entry === undefined || entry.appid !== appid || now >= entry.expiresAt) return { state: 'invalid' };
    if (entry.used) return { state: 'used' };
    entry.used = true;
    return { state: 'ok', entry };
  }
}
