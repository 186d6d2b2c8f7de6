import type { AppUpdater } from 'electron-updater';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decideUpdate, installKindOf } from './update-decision';

export interface UpdaterOptions {
  /**
   * From the runtime config the host builds: off in the demo and in tests, and only ever on for a packaged app (the
   * feed URL is written into the package at build time as `app-update.yml`).
   */
  enabled: boolean;
  currentVersion: string;
  platform: NodeJS.Platform;
  /** `process.resourcesPath`: where electron-builder leaves `package-type` for a deb. */
  resourcesPath: string;
  /** An update was downloaded and will be installed when the app quits. */
  onDownloaded: (version: string) => void;
  onError: (error: unknown) => void;
  checkEveryMs?: number;
  /** electron-updater's `autoUpdater`, loaded only when updates are on. */
  loadUpdater?: () => Promise<AppUpdater>;
}

export interface Updates {
  stop(): void;
}

const OFF: Updates = { stop: () => undefined };

const SIX_HOURS = 6 * 60 * 60 * 1000;

/** Checks the build-time feed now and periodically; our decision is the one electron-updater applies. */
export async function startUpdates(options: UpdaterOptions): Promise<Updates> {
  const { enabled, currentVersion, onDownloaded, onError, checkEveryMs = SIX_HOURS } = options;
  if (!enabled) return OFF;
  const installKind = installKindOf(options.platform, await readPackageType(options.resourcesPath));
  if (installKind === null) return OFF;
  let updater: AppUpdater;
  try {
    updater = await (options.loadUpdater ?? loadAutoUpdater)();
  } catch (error) {
    // The app works without updates; it must never fail to start because of them.
    onError(error);
    return OFF;
  }
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.isUpdateSupported = (info) => decideUpdate(currentVersion, info, installKind).install;

  let downloaded: string | null = null;
  let checking = false;
  const check = async (): Promise<void> => {
    const result = await updater.checkForUpdates();
    if (result === null || !result.isUpdateAvailable) return;
    await updater.downloadUpdate();
    downloaded = result.updateInfo.version;
    onDownloaded(downloaded);
  };
  const checkReporting = (): void => {
    if (checking || downloaded !== null) return;
    checking = true;
    check()
      .catch(onError)
      .finally(() => (checking = false));
  };
  checkReporting();
  const timer = setInterval(checkReporting, checkEveryMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function readPackageType(resourcesPath: string): Promise<string | null> {
  try {
    return (await readFile(join(resourcesPath, 'package-type'), 'utf8')).trim();
  } catch {
    return null;
  }
}

/** electron-updater is CommonJS with a lazy `autoUpdater` getter that Node's ESM import exposes on `default`. */
async function loadAutoUpdater(): Promise<AppUpdater> {
  const loaded = (await import('electron-updater')) as unknown as {
    default?: { autoUpdater: AppUpdater };
    autoUpdater?: AppUpdater;
  };
  const autoUpdater = loaded.default?.autoUpdater ?? loaded.autoUpdater;
  if (autoUpdater === undefined) throw new Error('electron-updater has no autoUpdater');
  return autoUpdater;
}
