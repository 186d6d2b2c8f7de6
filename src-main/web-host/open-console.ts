/**
 * The one place that builds the console's core for a host (the Electron shell or the browser host): the core services
 * plus the release pipeline, all Electron-free. Hosts add only transport, `app:info` and their own adapters.
 */
import type { EmitEvent, InvokeHandlers } from '../contract/handlers';
import type { AppInfo } from '../contract/ipc';
import { createCore } from '../core/app/core';
import type { Keychain } from '../core/platform/vault/keychain';
import { systemClock } from '../core/platform/clock/clock';
import { silentLogger } from '../core/platform/log/logger';
import { DEMO_RELEASE_SETTINGS } from '../core/release/release-settings';
import { openReleaseExtension } from './release-extension';

export interface ConsoleOptions {
  profileDir: string;
  profile: string;
  keychain: Keychain;
  emit: EmitEvent;
  wechatBaseUrl?: string;
  keychainService?: string;
  appInfo: () => AppInfo;
}

export interface OpenConsole {
  handlers: Partial<InvokeHandlers>;
  close(): Promise<void>;
}

export async function openConsole(options: ConsoleOptions): Promise<OpenConsole> {
  const release = await openReleaseExtension({
    profileDir: options.profileDir,
    profile: options.profile,
    clock: systemClock,
    logger: silentLogger,
    ...(options.profile === 'demo' ? { settings: DEMO_RELEASE_SETTINGS } : {}),
  });
  const core = await createCore({
    profileDir: options.profileDir,
    profile: options.profile,
    keychain: options.keychain,
    emit: options.emit,
    ...(options.wechatBaseUrl === undefined ? {} : { wechatBaseUrl: options.wechatBaseUrl }),
    ...(options.keychainService === undefined ? {} : { keychainService: options.keychainService }),
    extraHandlers: release.handlers,
  });
  return {
    handlers: { ...core.handlers, 'app:info': async () => options.appInfo() },
    async close() {
      await release.stop();
      await core.close();
    },
  };
}
