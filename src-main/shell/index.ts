import { app } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import type { EmitEvent, InvokeHandlers } from '@contract/handlers';
import { keytarKeychain } from '@core/platform/vault/keytar-keychain';
import { openConsole } from '../web-host/open-console';
import type { OpenConsole } from '../web-host/open-console';
import { registerHandlers } from './handlers';
import { notify } from './notifier';
import { createMainWindow } from './window-factory';

// Composition root: one instance, one window, the core behind the checked IPC channels, events to the window.
if (!app.requestSingleInstanceLock()) app.quit();

const profile = process.env['WXFLEET_PROFILE'] ?? 'demo';
const appInfo = (): { name: string; version: string; profile: string } => ({
  name: 'wxfleet',
  version: app.getVersion(),
  profile,
});

app.whenReady().then(async () => {
  const appDir = app.getAppPath();
  const window = createMainWindow(
    process.env['ELECTRON_RENDERER_URL'],
    join(appDir, 'out/preload'),
    join(appDir, 'out/renderer'),
  );
  const isTrustedSender = (event: IpcMainInvokeEvent): boolean =>
    event.sender === window.webContents && event.senderFrame?.parent === null;
  const core: Partial<InvokeHandlers> = {};
  registerHandlers({ isTrustedSender, appInfo, core });

  const emit: EmitEvent = (channel, payload) => {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
    if (channel === 'app:notice') notify(payload as Parameters<typeof notify>[0]);
  };
  let opened: OpenConsole | null = null;
  try {
    opened = await openConsole({
      profileDir: process.env['WXFLEET_PROFILE_DIR'] ?? app.getPath('userData'),
      profile,
      keychain: keytarKeychain(),
      emit,
      appInfo,
      ...(process.env['WXFLEET_WECHAT_BASE_URL'] ? { wechatBaseUrl: process.env['WXFLEET_WECHAT_BASE_URL'] } : {}),
    });
    Object.assign(core, opened.handlers);
  } catch (error) {
    emit('app:error', { message: error instanceof Error ? error.message : String(error) });
  }

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('before-quit', () => void opened?.close());
});

app.on('window-all-closed', () => app.quit());
