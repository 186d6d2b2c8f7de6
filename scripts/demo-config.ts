/**
 * The demo's runtime config, the only place that asks for demo settings: a throw-away profile named `demo` (an
 * in-memory key where no keychain runs, an unreadable secrets file moved aside and said so), the simulator instead
 * of WeChat, its short privacy scan and audits, no updates.
 */
import type { AppConfig } from '../src-main/core/app/app-config.js';
import { realProfileConfig } from '../src-main/core/app/app-config.js';

export const DEMO_PROFILE = 'demo';

export function demoConfig(options: { profileDir: string; simUrl: string; version: string }): AppConfig {
  const real = realProfileConfig(options.profileDir, DEMO_PROFILE, options.version);
  return {
    ...real,
    demo: true,
    vault: { ...real.vault, allowMemoryKey: true, startOverWhenUnreadable: true },
    wechat: { baseUrl: options.simUrl, tuning: {} },
    // The simulator's privacy scan takes seconds, not a minute; its audits finish in seconds too.
    release: { scanPollMs: 3_000, auditPollMs: 60_000 },
    updates: false,
  };
}
