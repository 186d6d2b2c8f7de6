import { app } from 'electron';
import { join } from 'node:path';
import { createMainWindow } from './window-factory';
import { registerHandler } from './ipc-registry';

const rendererUrl = process.env['ELECTRON_RENDERER_URL'];

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  const window = createMainWindow(rendererUrl, join(app.getAppPath(), 'out/preload'), join(app.getAppPath(), 'out/renderer'));
  const isTrustedSender = (event: Electron.IpcMainInvokeEvent): boolean => event.senderFrame?.parent === null && event.sender === window.webContents;
  registerHandler('app:info', isTrustedSender, (args): args is [] => args.length === 0, async () => ({
    name: 'wxfleet',
    version: app.getVersion(),
    profile: process.env['WXFLEET_PROFILE'] ?? 'demo',
  }));
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
});

app.on('window-all-closed', () => app.quit());
