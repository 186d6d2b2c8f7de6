import { toContractError } from '@contract/dispatch';
import { app } from 'electron';
import type { BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { EmitEvent } from '@contract/handlers';
import type { App } from '@core/app/create-app';
import { createApp } from '@core/app/create-app';
import { hostConfig } from '@core/app/host-config';
import { keytarKeychain } from '@core/platform/vault/keytar-keychain';
import { createCoreSlot } from './core-slot';
import { createExternalLinkOpener } from './external-link-opener';
import { registerHandlers } from './handlers';
import { notify } from './notifier';
import { installQuitSequence } from './quit-sequence';
import { resolveRendererSource } from './renderer-source';
import { createSenderCheck } from './sender-check';
import { startUpdates } from './updater';
import type { Updates } from './updater';
import { createMainWindow } from './window-factory';

// Composition only: the config from the environment, the app from the core, the window, IPC and notifications.
if (!app.requestSingleInstanceLock()) app.quit();

let window: BrowserWindow | null = null;
const slot = createCoreSlot<App>();
let updates: Updates | null = null;

const emit: EmitEvent = (channel, payload) => {
  if (window !== null && !window.isDestroyed()) window.webContents.send(channel, payload);
  if (channel === 'app:notice')
    notify(payload as Parameters<typeof notify>[0], slot.current()?.services.store.settings.data.locale ?? 'zh-CN');
};
const logError = (message: string, error: unknown): void => {
  const core = slot.current();
  if (core !== null) core.services.logger.error(message, { error });
  else console.error(message, error);
};

/** A real profile (`default` in the user-data directory) unless WXFLEET_PROFILE / WXFLEET_CONFIG say otherwise. */
async function openCore(): Promise<App> {
  const config = await hostConfig({
    profileDir: process.env['WXFLEET_PROFILE_DIR'] ?? app.getPath('userData'),
    version: app.getVersion(),
    ...(process.env['WXFLEET_PROFILE'] ? { profile: process.env['WXFLEET_PROFILE'] } : {}),
    ...(process.env['WXFLEET_CONFIG'] ? { configFile: process.env['WXFLEET_CONFIG'] } : {}),
  });
  return createApp(config, { keychain: keytarKeychain(), emit, crashes: process });
}

// Quitting waits for the core — even one still opening or starting: background work drained, every change durable,
// the log closed.
installQuitSequence(app, {
  stopCore: async () => {
    updates?.stop();
    await slot.stop();
  },
  onError: (error) => logError('wxfleet did not stop cleanly', error),
});

app.whenReady().then(async () => {
  let failure: unknown = null;
  const core = await slot.open(openCore).catch((error: unknown) => {
    failure = error;
    return null;
  });
  const appDir = app.getAppPath();
  const source = resolveRendererSource({
    isPackaged: app.isPackaged,
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    rendererDir: join(appDir, 'out/renderer'),
  });
  const openExternalLink = createExternalLinkOpener({
    relayUrl: async () => (core === null ? null : (await core.handlers['settings:get']()).relay.url),
    onRefused: (origin) => core?.services.logger.warn('external link refused', { origin }),
    onError: (error) => logError('opening an external link failed', error),
  });
  const main = createMainWindow({ preloadPath: join(appDir, 'out/preload/index.cjs'), source, openExternalLink });
  window = main;
  registerHandlers({
    isTrustedSender: createSenderCheck(main, source),
    appInfo: () => ({ name: 'wxfleet', version: app.getVersion(), profile: core?.config.profile ?? '' }),
    core: core?.handlers ?? {},
  });
  updates = await startUpdates({
    enabled: app.isPackaged && core?.config.updates === true,
    currentVersion: app.getVersion(),
    platform: process.platform,
    resourcesPath: process.resourcesPath,
    onDownloaded: (version) =>
      core?.services.logger.info('update downloaded; installs when wxfleet quits', { version }),
    onError: (error) => logError('update check failed', error),
  });
  // A profile that would not open (no keychain, unreadable secrets) is said in the window, in its words.
  if (core === null) {
    const error = toContractError(failure);
    main.webContents.once('did-finish-load', () => emit('app:error', error));
  } else await slot.run((opened) => opened.start());

  app.on('second-instance', () => {
    if (main.isMinimized()) main.restore();
    main.focus();
  });
});

app.on('window-all-closed', () => app.quit());
