import type { AxiosInstance } from 'axios';
import axios, { AxiosError } from 'axios';
import type { EgressAgents, EgressConfig } from './egress.js';
import { createEgressAgents } from './egress.js';

export const WECHAT_API_BASE = 'https://api.weixin.qq.com';

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Path plus query, tokens included: never log it without `redactText`. */
  url: string;
  json?: unknown;
  form?: FormData;
}

export interface HttpResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/** A failure before a WeChat response arrived; `sent` tells whether the request may have reached WeChat. */
export class TransportFailure extends Error {
  override readonly name = 'TransportFailure';
  constructor(
    readonly code: string,
    readonly sent: boolean,
  ) {
    super(code);
  }
}

export interface HttpTransport {
  send(req: HttpRequest): Promise<HttpResponse>;
  /** Whether requests go through the relay's tunnel (decides how 403/407 are read). */
  readonly viaRelay: boolean;
  close(): void;
}

export interface HttpTransportOptions {
  baseUrl?: string;
  egress: EgressConfig;
  timeoutMs?: number;
}

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** axios with the egress agents; every status is returned as data, never thrown, and nothing is parsed here. */
export function createHttpTransport(opts: HttpTransportOptions): HttpTransport {
  const agents: EgressAgents = createEgressAgents(opts.egress);
  const http: AxiosInstance = axios.create({
    baseURL: opts.baseUrl ?? WECHAT_API_BASE,
    timeout: opts.timeoutMs ?? 15_000,
    proxy: false,
    httpAgent: agents.httpAgent,
    httpsAgent: agents.httpsAgent,
    responseType: 'arraybuffer',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
  });
  return {
    viaRelay: opts.egress.mode === 'relay',
    async send(req) {
      try {
        const res = await http.request<ArrayBuffer>({
          method: req.method,
          url: req.url,
          data: req.form ?? (req.json === undefined ? undefined : JSON.stringify(req.json)),
          headers: req.form ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
        });
        const contentType = String(res.headers['content-type'] ?? '');
        return { status: res.status, contentType, body: Buffer.from(res.data) };
      } catch (err) {
        // Never rethrow axios errors: they carry the URL (tokens) and the proxy headers (device token).
        const code = err instanceof AxiosError ? (err.code ?? 'ERR_NETWORK') : 'ERR_UNKNOWN';
        throw new TransportFailure(code === 'ECONNABORTED' ? 'ETIMEDOUT' : code, !NOT_SENT.has(code));
      }
    },
    close: () => agents.destroy(),
  };
}
