import type { EmitEvent } from '../../contract/handlers.js';
import type { Store } from '../platform/store/store.js';
import type { AuthorizationLostHook } from '../wechat/tokens/authorizer-tokens.js';
import { needsReauth } from './notices.js';

/** Tells the window when a token refresh found an authorization lost (the token managers have no emitter). */
export function authorizationLostNotifier(store: Store, emit: EmitEvent): AuthorizationLostHook {
  return (appid, status, reason) => {
    emit('authorizers:changed', { appids: [appid] });
    if (status !== 'needs_reauth') return;
    const name = store.authorizers.data.byAppid[appid]?.nickname || appid;
    emit('app:notice', { kind: 'needs_reauth', appid, message: needsReauth(name, reason) });
  };
}
