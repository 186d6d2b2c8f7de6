import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** One fake BrowserWindow per test: what it was built with and what it registered. */
const created: FakeWindow[] = [];
class FakeWindow {
  readonly listeners = new Map<string, Listener>();
  readonly loaded: string[] = [];
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  permissionRequest: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  readonly webContents = {
    on: (event: string, listener: Listener) => this.listeners.set(event, listener),
    setWindowOpenHandler: (handler: FakeWindow['openHandler']) => (this.openHandler = handler),
    session: {
      setPermissionRequestHandler: (handler: FakeWindow['permissionRequest']) => (this.permissionRequest = handler),
      setPermissionCheckHandler: (handler: FakeWindow['permissionCheck']) => (this.permissionCheck = handler),
    },
  };
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    created.push(this);
  }
  once(): void {}
  show(): void {}
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  loadFile(path: string): Promise<void> {
    this.loaded.push(`file:${path}`);
    return Promise.resolve();
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));
const { createMainWindow } = await import('../../src-main/shell/window-factory');

describe('window factory', () => {
  const opened: string[] = [];
  let window: FakeWindow;

  beforeEach(() => {
    created.length = 0;
    opened.length = 0;
    createMainWindow({
      preloadPath: '/app/out/preload/index.cjs',
      source: { kind: 'file', path: '/app/out/renderer/index.html' },
      openExternalLink: (url) => opened.push(url),
    });
    window = created[0]!;
  });

  it('builds the window with the security baseline', () => {
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(window.loaded).toEqual(['file:/app/out/renderer/index.html']);
  });

  it('never opens a second window; links go to the external-link policy', () => {
    expect(window.openHandler!({ url: 'https://mp.weixin.qq.com/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://mp.weixin.qq.com/']);
  });

  it('never navigates away from our page', () => {
    const preventDefault = vi.fn();
    const willNavigate = window.listeners.get('will-navigate') as (event: unknown) => void;
    willNavigate({ url: 'https://evil.example/', preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(opened).toEqual(['https://evil.example/']);
  });

  it('refuses webviews and every permission', () => {
    const preventDefault = vi.fn();
    (window.listeners.get('will-attach-webview') as (event: unknown) => void)({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    const answers: boolean[] = [];
    window.permissionRequest!(null, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(window.permissionCheck!(null, 'notifications')).toBe(false);
  });

  it('loads the dev server only when the renderer source says so', () => {
    createMainWindow({
      preloadPath: '/app/out/preload/index.cjs',
      source: { kind: 'url', url: 'http://localhost:5173/' },
      openExternalLink: () => undefined,
    });
    expect(created[1]!.loaded).toEqual(['http://localhost:5173/']);
  });
});
