import type { Keychain } from './keychain.js';

type KeytarModule = Keychain;

let loading: Promise<KeytarModule> | undefined;

/** Loaded on first use, so a missing native module surfaces as an ordinary keychain failure. */
function loadKeytar(): Promise<KeytarModule> {
  loading ??= import('keytar').then((mod: { default?: KeytarModule } & Partial<KeytarModule>) => {
    const api = mod.default ?? (mod as KeytarModule);
    if (typeof api.getPassword !== 'function') throw new Error('keytar did not load');
    return api;
  });
  return loading;
}

export function keytarKeychain(): Keychain {
  return {
    getPassword: async (service, account) => (await loadKeytar()).getPassword(service, account),
    setPassword: async (service, account, password) => (await loadKeytar()).setPassword(service, account, password),
    deletePassword: async (service, account) => (await loadKeytar()).deletePassword(service, account),
  };
}
