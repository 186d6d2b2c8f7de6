import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';

/** The one way to open a window: context isolation, sandbox, no Node, no navigation, no pop-ups, no permissions. */
export function createMainWindow(
  rendererUrl: string | undefined,
  preloadDir: string,
  rendererDir: string,
): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    title: 'wxfleet',
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  if (rendererUrl) void window.loadURL(rendererUrl);
  else void window.loadFile(join(rendererDir, 'index.html'));
  return window;
}
