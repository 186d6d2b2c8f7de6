import { WxCrypt } from '@wxfleet/protocol';
import type { CryptProvider, PushCrypt } from '../client/index.js';
import type { Store } from '../../platform/store/store.js';
import type { Vault } from '../../platform/vault/vault.js';

/** Builds the push crypt from the current credentials (current and previous EncodingAESKey), rebuilt on change. */
export function cryptProvider(store: Store, vault: Vault): CryptProvider {
  let cached: { key: string; crypt: PushCrypt } | null = null;
  return () => {
    const appId = store.settings.data.componentAppid;
    const token = vault.get('component.token');
    const aesKey = vault.get('component.encodingAesKey');
    if (!appId || !token || !aesKey) return null;
    const previous = vault.get('component.encodingAesKeyPrevious');
    const key = [appId, token, aesKey, previous ?? ''].join('\u0000');
    if (cached?.key !== key) {
      const crypt = new WxCrypt({
        token,
        encodingAESKey: aesKey,
        appId,
        ...(previous ? { previousEncodingAESKeys: [previous] } : {}),
      });
      cached = { key, crypt };
    }
    return cached.crypt;
  };
}
