import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EventChannel, EventMap } from '../../src-main/contract/ipc.js';
import type { AppConfig, WeChatTuning } from '../../src-main/core/app/app-config.js';
import { realProfileConfig } from '../../src-main/core/app/app-config.js';
import type { App } from '../../src-main/core/app/create-app.js';
import { LOG_FILE_NAME } from '../../src-main/core/platform/log/profile-log.js';
import { logFiles } from '../../src-main/core/platform/log/rotating-file.js';
import type { RelayTuning } from '../../src-main/core/relay/link/relay-runner.js';
import type { ReleaseSettings } from '../../src-main/core/release/release-settings.js';

export type Emitted = { [C in EventChannel]: { channel: C; payload: EventMap[C] } }[EventChannel];

/** A keychain service of its own per test process, so parallel test files never share master keys. */
export const testKeychainService = (): string => `wxfleet-test-${process.pid}-${Math.random().toString(36).slice(2)}`;

export interface TestConfigOptions {
  root: string;
  simUrl: string;
  keychainService: string;
  profile?: string;
  wechat?: WeChatTuning;
  relay?: RelayTuning;
  release?: Partial<ReleaseSettings>;
}

/** A real profile (keychain required, nothing moved aside) on the simulator, with test timings, updates off. */
export function testConfig(o: TestConfigOptions): AppConfig {
  const real = realProfileConfig(o.root, o.profile ?? 'acme', '0.0.0-test');
  return {
    ...real,
    vault: { ...real.vault, keychainService: o.keychainService },
    wechat: { baseUrl: o.simUrl, tuning: o.wechat ?? {} },
    relay: { tuning: o.relay ?? {} },
    release: o.release ?? {},
    log: { ...real.log, level: 'debug' },
    updates: false,
  };
}

export interface LogLine {
  level: string;
  time: string;
  msg: string;
  [field: string]: unknown;
}

/** Every line of the profile's log files, oldest first: what a user would send with a bug report. */
export async function readLog(app: Pick<App, 'logPath' | 'config'>): Promise<LogLine[]> {
  const files = logFiles({ dir: dirname(app.logPath), name: LOG_FILE_NAME, maxFiles: app.config.log.maxFiles });
  const texts = await Promise.all(files.reverse().map((f) => readFile(f, 'utf8').catch(() => '')));
  return texts.flatMap((t) =>
    t
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as LogLine),
  );
}
