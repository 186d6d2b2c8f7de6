import { app } from 'electron';
import { join } from 'node:path';
import type { EmitEvent, InvokeHandlers } from '@contract/handlers';
import { keytarKeychain } from '@core/vault/keytar-keychain';
import { openConsole } from '../web-host/open-console';
import type { OpenConsole } from '../web-host/open-console';
import { registerHandlers } from './handlers';
import { notify } from './notifier';
import { createMainWindow } from './window-factory';
import { createExternalLinkOpener } from './external-link-opener';
import { installQuitSequence } from './quit-sequence';
import { resolveRendererSource } from './renderer-source';
import { createSenderCheck } from './sender-check';
import { startUpdates } from './updater';

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
  const core: Partial<InvokeHandlers> = {};
  // Shell edge (window, links, IPC sender, updates, quit): see the shell's own modules.
  const source = resolveRendererSource({
    isPackaged: app.isPackaged,
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    rendererDir: join(appDir, 'out/renderer'),
  });
  const openExternalLink = createExternalLinkOpener({
    relayUrl: async () => (await core['settings:get']?.())?.relay.url ?? null,
    onRefused: (origin) => console.warn(`external link refused: ${origin}`),
    onError: (error) => console.error('opening an external link failed', error),
  });
  const window = createMainWindow({
    preloadPath: join(appDir, 'out/preload/index.cjs'),
    source,
    openExternalLink,
  });
  const isTrustedSender = createSenderCheck(window, source);
  const updates = await startUpdates({
    enabled: app.isPackaged,
    currentVersion: app.getVersion(),
    platform: process.platform,
    resourcesPath: process.resourcesPath,
    onDownloaded: (version) => console.info(`update ${version} downloaded; it installs when wxfleet quits`),
    onError: (error) => console.error('update check failed', error),
  });
  // End of the shell edge.
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
  installQuitSequence(app, {
    stopCore: async () => {
      updates.stop();
      await opened?.close();
    },
    onError: (error) => console.error('stopping the core failed', error),
  });
});

app.on('window-all-closed', () => app.quit());
