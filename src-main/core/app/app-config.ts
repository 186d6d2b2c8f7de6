import type { LogLevel } from '../platform/log/logger.js';
import type { RelayTuning } from '../relay/link/relay-runner.js';
import type { ReleaseSettings } from '../release/release-settings.js';
import type { WeChatStackDeps } from '../wechat/wechat-stack.js';

/** Retry, timeout and refresh knobs of the WeChat stack (tests shorten them). */
export type WeChatTuning = Partial<Pick<WeChatStackDeps, 'timeoutMs' | 'retry' | 'timing'>>;

/**
 * Everything that differs between a real profile, the demo and a test, resolved once by the host (the Electron
 * shell, the browser-host CLI, the demo command, a test) and handed to `createApp`. Nothing in the core asks which
 * profile it runs: it reads these fields.
 */
export interface AppConfig {
  /** The directory holding the profiles: `<profileDir>/profiles/<profile>/`. */
  profileDir: string;
  profile: string;
  /** The app's version (`app:info`). */
  version: string;
  /** The UI labels the profile as the demo's (simulator, pre-filled credentials). */
  demo: boolean;
  vault: {
    /** Keychain service name; one account per profile. */
    keychainService: string;
    /** Without a usable keychain, keep the master key in memory and say so, instead of refusing to open. */
    allowMemoryKey: boolean;
    /** Move an undecryptable secrets file aside and say so, instead of refusing to open. */
    startOverWhenUnreadable: boolean;
  };
  wechat: {
    /** Origin of WeChat's API and authorization pages; null for WeChat itself (a simulator otherwise). */
    baseUrl: string | null;
    tuning: WeChatTuning;
  };
  relay: { tuning: RelayTuning };
  /** Timings and limits of the release pipeline (the demo polls the simulator's short privacy scan). */
  release: Partial<ReleaseSettings>;
  /** Rotating JSON-lines files in `<profile>/logs/`, secrets redacted before they are written. */
  log: { level: LogLevel; maxFileBytes: number; maxFiles: number };
  /** Whether the host may look for and install updates (off in the demo and in tests). */
  updates: boolean;
}

export const KEYCHAIN_SERVICE = 'wxfleet';

/** A real profile: keychain required, secrets never moved aside, WeChat itself, logs kept, updates on. */
export function realProfileConfig(profileDir: string, profile: string, version: string): AppConfig {
  return {
    profileDir,
    profile,
    version,
    demo: false,
    vault: { keychainService: KEYCHAIN_SERVICE, allowMemoryKey: false, startOverWhenUnreadable: false },
    wechat: { baseUrl: null, tuning: {} },
    relay: { tuning: {} },
    release: {},
    log: { level: 'info', maxFileBytes: 5 * 1024 * 1024, maxFiles: 5 },
    updates: true,
  };
}
