import type { EndpointName, EndpointRequest, EndpointResponse, EndpointSpec } from '@wxfleet/protocol';
import { ENDPOINTS } from '@wxfleet/protocol';
import type { TokenSource } from './token-source.js';
import { withTokenRetry } from './token-source.js';
import type { RawCall, WeChatHttp } from './wechat-http.js';
import { WeChatError } from './wechat-error.js';

/** Told how each call made through the client ended (the staff-readable call log). Never sees a token or body. */
export interface CallRecorder {
  record(outcome: {
    appid: string | null;
    endpoint: string;
    path: string;
    errcode: number | null;
    rid: string | null;
    ms: number;
  }): void;
}

export interface CallTarget {
  /** The merchant a call is made for: required for authorizer endpoints; for owner-token endpoints it selects
   * the merchant's token instead of the component token. */
  appid?: string;
}

export interface WeChatClient {
  call<K extends EndpointName>(name: K, req: EndpointRequest<K>, target?: CallTarget): Promise<EndpointResponse<K>>;
  raw(call: RawCall, target?: CallTarget): Promise<Record<string, unknown>>;
}

export function createWeChatClient(
  http: WeChatHttp,
  tokens: TokenSource,
  recorder?: CallRecorder,
  now: () => number = Date.now,
): WeChatClient {
  async function recorded<T>(endpoint: string, path: string, target: CallTarget, run: () => Promise<T>): Promise<T> {
    if (!recorder) return run();
    const started = now();
    const base = { appid: target.appid ?? null, endpoint, path };
    try {
      const value = await run();
      recorder.record({ ...base, errcode: 0, rid: null, ms: now() - started });
      return value;
    } catch (err) {
      const wx = err instanceof WeChatError ? err : null;
      recorder.record({ ...base, errcode: wx?.errcode ?? null, rid: wx?.rid ?? null, ms: now() - started });
      throw err;
    }
  }

  function withToken<T>(
    spec: Pick<EndpointSpec, 'token' | 'ownerToken'>,
    target: CallTarget,
    fn: (t: string | null) => Promise<T>,
  ): Promise<T> {
    const useAuthorizer = spec.token === 'authorizer' || (spec.ownerToken === true && target.appid !== undefined);
    if (spec.token === 'none') return fn(null);
    if (useAuthorizer) {
      const appid = target.appid;
      if (!appid) throw new TypeError('This WeChat API is called on behalf of a merchant: pass its appid.');
      return withTokenRetry(
        () => tokens.authorizerToken(appid),
        (t) => tokens.authorizerTokenFailed(appid, t),
        fn,
      );
    }
    return withTokenRetry(
      () => tokens.componentToken(),
      (t) => tokens.componentTokenFailed(t),
      fn,
    );
  }

  return {
    call: (name, req, target = {}) =>
      recorded(name, ENDPOINTS[name].path, target, () =>
        withToken(ENDPOINTS[name], target, (t) => http.call(name, req, t)),
      ),
    raw: (call, target = {}) =>
      recorded('raw', call.path, target, () => withToken({ token: call.tokenClass }, target, (t) => http.raw(call, t))),
  };
}
