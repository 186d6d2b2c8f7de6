import { app } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { createMainWindow } from './window-factory';
import { registerHandlers } from './handlers';

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  const appDir = app.getAppPath();
  const window = createMainWindow(
    process.env['ELECTRON_RENDERER_URL'],
    join(appDir, 'out/preload'),
    join(appDir, 'out/renderer'),
  );
  const isTrustedSender = (event: IpcMainInvokeEvent): boolean =>
    event.sender === window.webContents && event.senderFrame?.parent === null;
  registerHandlers({
    isTrustedSender,
    appInfo: () => ({ name: 'wxfleet', version: app.getVersion(), profile: process.env['WXFLEET_PROFILE'] ?? 'demo' }),
  });
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
});

app.on('window-all-closed', () => app.quit());
