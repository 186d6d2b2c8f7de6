import type { EndpointName, EndpointRequest, EndpointResponse, EndpointSpec } from '@wxfleet/protocol';
import { ENDPOINTS } from '@wxfleet/protocol';
import type { TokenSource } from './token-source.js';
import { withTokenRetry } from './token-source.js';
import type { RawCall, WeChatHttp } from './wechat-http.js';

export interface CallTarget {
  /** The merchant a call is made for: required for authorizer endpoints; for owner-token endpoints it selects
   * the merchant's token instead of the component token. */
  appid?: string;
}

export interface WeChatClient {
  call<K extends EndpointName>(name: K, req: EndpointRequest<K>, target?: CallTarget): Promise<EndpointResponse<K>>;
  raw(call: RawCall, target?: CallTarget): Promise<Record<string, unknown>>;
}

export function createWeChatClient(http: WeChatHttp, tokens: TokenSource): WeChatClient {
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
    call: (name, req, target = {}) => withToken(ENDPOINTS[name], target, (t) => http.call(name, req, t)),
    raw: (call, target = {}) => withToken({ token: call.tokenClass }, target, (t) => http.raw(call, t)),
  };
}
