import type { Coded } from './codes';

/** Settings as the renderer sees them: secrets are write-only, the UI learns only whether each is set. */
export type Language = 'zh-CN' | 'en';
export type Theme = 'light' | 'dark';
export type EgressMode = 'relay' | 'direct';

export interface SettingsView {
  profile: string;
  /** True for the demo profile, which talks to the simulator. */
  demo: boolean;
  platform: {
    componentAppid: string;
    appsecretSet: boolean;
    tokenSet: boolean;
    encodingAESKeySet: boolean;
    previousEncodingAESKeySet: boolean;
  };
  relay: { url: string; deviceTokenSet: boolean };
  egress: EgressMode;
  language: Language;
  theme: Theme;
}

/** Every field optional: only what is given changes (derived from the argument schemas). */
export type { PlatformInput, PreferencesInput, RelayInput } from './schemas';

export type ConnectionHopId =
  'settings' | 'relay_reachable' | 'device_accepted' | 'tunnel' | 'ticket' | 'component_token';

export interface ConnectionHop {
  id: ConnectionHopId;
  ok: boolean;
  /** What was seen. */
  detail: Coded;
  /** What to do when not ok. */
  fix?: Coded;
  /** For 61004: the IP WeChat saw. */
  seenIp?: string;
  errcode?: number;
}

export interface ConnectionReport {
  ok: boolean;
  at: string;
  hops: ConnectionHop[];
}
