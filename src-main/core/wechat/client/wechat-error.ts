import type { RetryClass } from '@wxfleet/protocol';
import { explainErrcode } from '@wxfleet/protocol';
import { redactText } from '../../platform/log/redact.js';

export type WeChatErrorKind = 'api' | 'transport' | 'relay';

export interface WeChatErrorInit {
  kind: WeChatErrorKind;
  /** Endpoint name (or `raw`) and path, never the query string. */
  endpoint: string;
  path: string;
  errcode: number | null;
  errmsg: string;
  httpStatus?: number | undefined;
  /** For transport/relay errors, the retry class decided by the transport. */
  retryClass?: RetryClass;
  explanation?: { zh: string; en: string };
  fix?: { zh: string; en: string };
}

const RID = /rid:\s*([0-9a-f]+(?:-[0-9a-f]+)+)/i;
const REQUEST_IP = /requestIP:\s*([0-9a-fA-F.:]+)/;

/**
 * Every failure of a WeChat call: an errcode from WeChat (`api`), a network failure (`transport`) or a refusal by the
 * relay's tunnel (`relay`). Messages are redacted; no token can appear in one.
 */
export class WeChatError extends Error {
  override readonly name = 'WeChatError';
  readonly kind: WeChatErrorKind;
  readonly endpoint: string;
  readonly path: string;
  readonly errcode: number | null;
  readonly errmsg: string;
  readonly rid: string | null;
  /** The caller IP WeChat reported (61004), to show staff what to whitelist. */
  readonly requestIp: string | null;
  readonly httpStatus: number | null;
  readonly retryClass: RetryClass;
  readonly explanation: { zh: string; en: string };
  readonly fix: { zh: string; en: string };

  constructor(init: WeChatErrorInit) {
    const errmsg = redactText(init.errmsg);
    const info = init.errcode !== null ? explainErrcode(init.errcode) : undefined;
    const explanation = init.explanation ?? { zh: info?.zh ?? errmsg, en: info?.en ?? errmsg };
    const code = init.errcode !== null ? `errcode ${init.errcode}` : init.kind;
    super(`${init.endpoint} (${init.path}) failed: ${code} ${errmsg} — ${explanation.en}`);
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.path = init.path.split('?')[0] ?? init.path;
    this.errcode = init.errcode;
    this.errmsg = errmsg;
    this.rid = RID.exec(errmsg)?.[1] ?? null;
    this.requestIp = REQUEST_IP.exec(errmsg)?.[1] ?? null;
    this.httpStatus = init.httpStatus ?? null;
    this.retryClass = init.retryClass ?? info?.retry ?? 'permanent';
    this.explanation = explanation;
    this.fix = init.fix ?? { zh: info?.fixZh ?? '', en: info?.fixEn ?? '' };
  }

  /** Plain data for logs and for the renderer (already redacted). */
  toJSON(): Record<string, unknown> {
    return {
      kind: this.kind,
      endpoint: this.endpoint,
      path: this.path,
      errcode: this.errcode,
      errmsg: this.errmsg,
      rid: this.rid,
      requestIp: this.requestIp,
      httpStatus: this.httpStatus,
      retryClass: this.retryClass,
    };
  }
}

export const isTokenError = (err: unknown): err is WeChatError =>
  err instanceof WeChatError && err.kind === 'api' && err.retryClass === 'token';
