import type { EndpointName, EndpointRequest, EndpointResponse, EndpointSpec } from '@wxfleet/protocol';
import { ENDPOINTS } from '@wxfleet/protocol';
import type { Clock } from '../../platform/clock/clock.js';
import type { Logger } from '../../platform/log/logger.js';
import type { HttpTransport } from './http-transport.js';
import { TransportFailure } from './http-transport.js';
import { buildRequest } from './request-builder.js';
import type { ParseContext } from './response-parser.js';
import { parseResponse, transportError } from './response-parser.js';
import type { RetryOptions } from './retry-policy.js';
import { DEFAULT_RETRY, NOT_RETRY_SAFE, backoffDelay, shouldRetry } from './retry-policy.js';

/** A call to a path the endpoint table does not know yet (fields WeChat adds tomorrow). */
export interface RawCall {
  method: 'GET' | 'POST';
  path: string;
  tokenClass: EndpointSpec['token'];
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /** Repeat on transient failures even after the request may have reached WeChat. Default: GET only. */
  retrySafe?: boolean;
}

/** WeChat calls with an explicit token (or none): request shape, parsing, errors, retries. No token logic. */
export interface WeChatHttp {
  call<K extends EndpointName>(name: K, req: EndpointRequest<K>, token: string | null): Promise<EndpointResponse<K>>;
  raw(call: RawCall, token: string | null): Promise<Record<string, unknown>>;
  close(): void;
}

/** Sees how every call ended, after retries (the core remembers 61004 refusals from it). */
export interface CallWatcher {
  succeeded(): void;
  failed(error: unknown): void;
}

export interface WeChatHttpDeps {
  transport: HttpTransport;
  logger: Logger;
  clock: Clock;
  random?: () => number;
  retry?: Partial<RetryOptions>;
  watch?: CallWatcher;
}

interface Attempt {
  endpoint: string;
  spec: Pick<EndpointSpec, 'method' | 'path' | 'token' | 'query' | 'multipart' | 'binaryResponse'>;
  query?: Record<string, string>;
  body: unknown;
  retrySafe: boolean;
}

export function createWeChatHttp(deps: WeChatHttpDeps): WeChatHttp {
  const retry = { ...DEFAULT_RETRY, ...deps.retry };
  const random = deps.random ?? Math.random;

  async function run(a: Attempt, token: string | null): Promise<unknown> {
    const ctx: ParseContext = {
      endpoint: a.endpoint,
      path: a.spec.path,
      viaRelay: deps.transport.viaRelay,
      binary: a.spec.binaryResponse !== undefined,
    };
    const req = buildRequest({
      method: a.spec.method,
      path: a.spec.path,
      tokenClass: a.spec.token,
      token,
      fixedQuery: a.spec.query ?? [],
      query: a.query ?? {},
      body: a.body,
      multipart: a.spec.multipart ?? false,
    });
    for (let attempt = 1; ; attempt++) {
      const started = deps.clock.now();
      let sent = true;
      try {
        let res;
        try {
          res = await deps.transport.send(req);
        } catch (err) {
          if (!(err instanceof TransportFailure)) throw err;
          sent = err.sent;
          throw transportError(ctx, err.code);
        }
        const value = parseResponse(ctx, res);
        deps.logger.debug('wechat call', { endpoint: a.endpoint, path: a.spec.path, status: res.status, attempt });
        deps.watch?.succeeded();
        return value;
      } catch (err) {
        const fields = { endpoint: a.endpoint, path: a.spec.path, attempt, ms: deps.clock.now() - started };
        if (attempt >= retry.maxAttempts || !shouldRetry(err, a.retrySafe, sent)) {
          deps.logger.warn('wechat call failed', { ...fields, error: err });
          deps.watch?.failed(err);
          throw err;
        }
        const delay = backoffDelay(attempt, retry, random);
        deps.logger.info('wechat call failed, retrying', { ...fields, delay, error: err });
        await deps.clock.sleep(delay);
      }
    }
  }

  return {
    call: async (name, req, token) => {
      const spec: EndpointSpec = ENDPOINTS[name];
      if (spec.browser) throw new TypeError(`${name} is a browser page, not an API call.`);
      const retrySafe = spec.method === 'GET' || !NOT_RETRY_SAFE.has(name);
      return (await run({ endpoint: name, spec, body: req, retrySafe }, token)) as EndpointResponse<typeof name>;
    },
    raw: async (call, token) => {
      const spec = { method: call.method, path: call.path, token: call.tokenClass };
      const retrySafe = call.retrySafe ?? call.method === 'GET';
      const attempt: Attempt = { endpoint: 'raw', spec, body: call.body, retrySafe };
      if (call.query) attempt.query = call.query;
      return (await run(attempt, token)) as Record<string, unknown>;
    },
    close: () => deps.transport.close(),
  };
}
