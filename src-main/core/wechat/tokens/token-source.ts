import type { TokenSource } from '../client/token-source.js';
import type { AuthorizerTokens } from './authorizer-tokens.js';
import type { ComponentTokens } from './component-token.js';

export function tokenSourceOf(component: ComponentTokens, authorizers: AuthorizerTokens): TokenSource {
  return {
    componentToken: () => component.token(),
    componentTokenFailed: (failed) => component.tokenFailed(failed),
    authorizerToken: (appid) => authorizers.token(appid),
    authorizerTokenFailed: (appid, failed) => authorizers.tokenFailed(appid, failed),
  };
}
