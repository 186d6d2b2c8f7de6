import { app } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import type { EmitEvent } from '@contract/handlers';
import type { App } from '@core/app/create-app';
import { createApp } from '@core/app/create-app';
import { hostConfig } from '@core/app/host-config';
import { keytarKeychain } from '@core/platform/vault/keytar-keychain';
import { registerHandlers } from './handlers';
import { notify } from './notifier';
import { createMainWindow } from './window-factory';

// Composition only: the config from the environment, the app from the core, the window, IPC and notifications.
if (!app.requestSingleInstanceLock()) app.quit();

let window: BrowserWindow | null = null;
let core: App | null = null;

const emit: EmitEvent = (channel, payload) => {
  if (window !== null && !window.isDestroyed()) window.webContents.send(channel, payload);
  if (channel === 'app:notice') notify(payload as Parameters<typeof notify>[0]);
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

app.whenReady().then(async () => {
  let failure: unknown = null;
  try {
    core = await openCore();
  } catch (error) {
    failure = error;
  }
  const appDir = app.getAppPath();
  const main = createMainWindow(
    process.env['ELECTRON_RENDERER_URL'],
    join(appDir, 'out/preload'),
    join(appDir, 'out/renderer'),
  );
  window = main;
  const isTrustedSender = (event: IpcMainInvokeEvent): boolean =>
    event.sender === main.webContents && event.senderFrame?.parent === null;
  registerHandlers({
    isTrustedSender,
    appInfo: () => ({ name: 'wxfleet', version: app.getVersion(), profile: core?.config.profile ?? '' }),
    core: core?.handlers ?? {},
  });
  // A profile that would not open (no keychain, unreadable secrets) is said in the window, in its words.
  if (core === null) {
    const message = failure instanceof Error ? failure.message : String(failure);
    main.webContents.once('did-finish-load', () => emit('app:error', { message }));
  } else await core.start();

  app.on('second-instance', () => {
    if (main.isMinimized()) main.restore();
    main.focus();
  });
});

// Quitting waits for the core: background work drained, every change durable, the log closed.
let stopping = false;
app.on('before-quit', (event) => {
  if (core === null || stopping) return;
  event.preventDefault();
  stopping = true;
  core
    .stop()
    .catch((error: unknown) => console.error('wxfleet did not stop cleanly', error))
    .finally(() => {
      core = null;
      app.quit();
    });
});

app.on('window-all-closed', () => app.quit());
