import { BrowserWindow } from 'electron';
import type { RendererSource } from './renderer-source';

export interface MainWindowOptions {
  preloadPath: string;
  source: RendererSource;
  /** Hands a link to the system browser when the external-link policy allows it (see `external-link-opener.ts`). */
  openExternalLink: (url: string) => unknown;
}

/**
 * The one way to open a window: context isolation, sandbox, no Node, no webviews, no middle-click windows, no
 * navigation away from our page, no pop-ups (allowed links go to the system browser), no permissions.
 */
export function createMainWindow({ preloadPath, source, openExternalLink }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    title: 'wxfleet',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  const { webContents } = window;
  webContents.session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  webContents.session.setPermissionCheckHandler(() => false);
  webContents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url);
    return { action: 'deny' };
  });
  webContents.on('will-navigate', (event) => {
    event.preventDefault();
    openExternalLink(event.url);
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  if (source.kind === 'url') void window.loadURL(source.url);
  else void window.loadFile(source.path);
  return window;
}
