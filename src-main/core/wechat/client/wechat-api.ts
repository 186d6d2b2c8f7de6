import type { EndpointName, EndpointRequest, EndpointResponse } from '@wxfleet/protocol';
import { ENDPOINTS } from '@wxfleet/protocol';
import type { CallTarget, WeChatClient } from './wechat-client.js';

type Spec<K extends EndpointName> = (typeof ENDPOINTS)[K];

/** Endpoints that are API calls (browser pages are links, built by onboarding). */
export type ApiEndpointName = {
  [K in EndpointName]: Spec<K> extends { browser: true } ? never : K;
}[EndpointName];

type ReqArg<K extends EndpointName> =
  Record<string, never> extends EndpointRequest<K> ? [req?: EndpointRequest<K>] : [req: EndpointRequest<K>];

/** One typed function per endpoint: `api.commit(appid, req)`, `api.apiCreatePreauthcode(req)`. */
export type WeChatApi = {
  [K in ApiEndpointName]: Spec<K>['token'] extends 'authorizer'
    ? (appid: string, ...req: ReqArg<K>) => Promise<EndpointResponse<K>>
    : (...args: [...ReqArg<K>, target?: CallTarget]) => Promise<EndpointResponse<K>>;
};

export function createWeChatApi(client: WeChatClient): WeChatApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of Object.keys(ENDPOINTS) as EndpointName[]) {
    const spec = ENDPOINTS[name];
    if ('browser' in spec && spec.browser) continue;
    api[name] =
      spec.token === 'authorizer'
        ? (appid, req) => client.call(name, (req ?? {}) as EndpointRequest<typeof name>, { appid: appid as string })
        : (req, target) => client.call(name, (req ?? {}) as EndpointRequest<typeof name>, (target ?? {}) as CallTarget);
  }
  return api as unknown as WeChatApi;
}
