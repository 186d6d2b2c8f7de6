import type { PlatformInput, PreferencesInput, RelayInput, SettingsView } from '../../contract/settings.js';
import type { Store } from '../platform/store/store.js';
import type { Vault } from '../platform/vault/vault.js';
import { checkPlatform, checkRelayUrl } from './settings-checks.js';

export type SettingsChange = 'platform' | 'relay' | 'egress' | 'preferences';

export interface SettingsServiceDeps {
  store: Store;
  vault: Vault;
  /** The profile is the demo's (the UI labels it). */
  demo: boolean;
  /** Called after a change is durable, so the core can restart what depends on it. */
  onChange: (change: SettingsChange) => Promise<void>;
}

export interface SettingsService {
  view(): SettingsView;
  savePlatform(input: PlatformInput): Promise<SettingsView>;
  saveRelay(input: RelayInput): Promise<SettingsView>;
  savePreferences(input: PreferencesInput): Promise<SettingsView>;
}

/** Non-secret settings in the store, secrets in the vault; the view only says whether each secret is set. */
export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  const { store, vault } = deps;

  const view = (): SettingsView => {
    const s = store.settings.data;
    return {
      profile: vault.profile,
      demo: deps.demo,
      platform: {
        componentAppid: s.componentAppid,
        appsecretSet: vault.has('component.appsecret'),
        tokenSet: vault.has('component.token'),
        encodingAESKeySet: vault.has('component.encodingAesKey'),
        previousEncodingAESKeySet: vault.has('component.encodingAesKeyPrevious'),
      },
      relay: { url: s.relayUrl, deviceTokenSet: vault.has('relay.deviceToken') },
      egress: s.egress,
      language: s.locale,
      theme: s.theme,
    };
  };

  return {
    view,
    async savePlatform(input) {
      checkPlatform(input);
      const appid = input.componentAppid?.trim();
      const appidChanged = appid !== undefined && appid !== store.settings.data.componentAppid;
      if (appidChanged) {
        await store.settings.update((s) => {
          s.componentAppid = appid;
        });
        // Tickets and tokens belong to the old platform.
        await vault.delete('component.ticket');
        await vault.delete('component.accessToken');
      }
      if (input.appsecret) await vault.set('component.appsecret', input.appsecret.trim());
      if (input.token) await vault.set('component.token', input.token.trim());
      if (input.encodingAESKey) await vault.set('component.encodingAesKey', input.encodingAESKey.trim());
      if (input.previousEncodingAESKey === null) await vault.delete('component.encodingAesKeyPrevious');
      else if (input.previousEncodingAESKey) {
        await vault.set('component.encodingAesKeyPrevious', input.previousEncodingAESKey.trim());
      }
      await deps.onChange('platform');
      return view();
    },
    async saveRelay(input) {
      const url = input.url === undefined ? undefined : checkRelayUrl(input.url);
      if (url !== undefined && url !== store.settings.data.relayUrl) {
        await store.settings.update((s) => {
          s.relayUrl = url;
        });
      }
      if (input.deviceToken) await vault.set('relay.deviceToken', input.deviceToken.trim());
      await deps.onChange('relay');
      return view();
    },
    async savePreferences(input) {
      const before = store.settings.data.egress;
      await store.settings.update((s) => {
        if (input.egress) s.egress = input.egress;
        if (input.language) s.locale = input.language;
        if (input.theme) s.theme = input.theme;
      });
      await deps.onChange(store.settings.data.egress === before ? 'preferences' : 'egress');
      return view();
    },
  };
}
