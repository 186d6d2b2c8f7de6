import type { AppUpdater, UpdateCheckResult, UpdateInfo } from 'electron-updater';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startUpdates } from '../../src-main/shell/updater';
import type { UpdaterOptions } from '../../src-main/shell/updater';

const feedEntry = (version: string, url: string): UpdateInfo =>
  ({ version, files: [{ url, sha512: 'c2hh', size: 1 }], path: url, sha512: 'c2hh', releaseDate: '' }) as UpdateInfo;

/**
 * electron-updater at its edge: `checkForUpdates` asks the `isUpdateSupported` hook about the feed entry, as the real
 * `AppUpdater.isUpdateAvailable` does, and reports availability from the answer.
 */
function fakeUpdater(entry: UpdateInfo) {
  const updater = {
    autoDownload: true,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    isUpdateSupported: (_info: UpdateInfo): boolean | Promise<boolean> => true,
    checkForUpdates: vi.fn(async () => {
      const isUpdateAvailable = await updater.isUpdateSupported(entry);
      return { isUpdateAvailable, updateInfo: entry, versionInfo: entry } as UpdateCheckResult;
    }),
    downloadUpdate: vi.fn(async () => ['/tmp/installer']),
  };
  return updater;
}

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A packaged app's resources folder, with the `package-type` electron-builder writes into a deb. */
async function resources(packageType: string | null): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wxfleet-resources-'));
  made.push(dir);
  if (packageType) await writeFile(join(dir, 'package-type'), `${packageType}\n`);
  return dir;
}

/** Starts updates for 0.1.0 with what a test cares about; records what the updater reports. */
async function start(options: Partial<UpdaterOptions> & { packageType?: string | null }) {
  const downloaded: string[] = [];
  const errors: unknown[] = [];
  const { packageType = null, ...overrides } = options;
  const updates = await startUpdates({
    enabled: true,
    currentVersion: '0.1.0',
    platform: 'linux',
    resourcesPath: await resources(packageType),
    onDownloaded: (version) => downloaded.push(version),
    onError: (error) => errors.push(error),
    ...overrides,
  });
  return { updates, downloaded, errors };
}

const loading = (updater: ReturnType<typeof fakeUpdater>) => async () => updater as unknown as AppUpdater;

describe('updater', () => {
  it('is off when the runtime config says so: electron-updater is never even loaded', async () => {
    const loadUpdater = vi.fn();
    const { updates } = await start({ enabled: false, loadUpdater });
    updates.stop();
    expect(loadUpdater).not.toHaveBeenCalled();
  });

  it('downloads an update our decision accepts, to install on quit', async () => {
    const updater = fakeUpdater(feedEntry('0.2.0', 'wxfleet_0.2.0_amd64.deb'));
    const { updates, downloaded, errors } = await start({ packageType: 'deb', loadUpdater: loading(updater) });
    await vi.waitFor(() => expect(downloaded).toEqual(['0.2.0']));
    updates.stop();
    expect(errors).toEqual([]);
    expect(updater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: true, allowDowngrade: false });
    expect(updater.downloadUpdate).toHaveBeenCalledTimes(1);
  });

  it('does not download what our decision refuses (the AppImage copy gets no deb)', async () => {
    const updater = fakeUpdater(feedEntry('0.2.0', 'wxfleet_0.2.0_amd64.deb'));
    const { updates, downloaded, errors } = await start({ loadUpdater: loading(updater) });
    await vi.waitFor(() => expect(updater.checkForUpdates).toHaveBeenCalledTimes(1));
    updates.stop();
    await expect(updater.checkForUpdates.mock.results[0]!.value).resolves.toMatchObject({ isUpdateAvailable: false });
    expect(updater.downloadUpdate).not.toHaveBeenCalled();
    expect([downloaded, errors]).toEqual([[], []]);
  });

  it('reports a failed check instead of throwing', async () => {
    const updater = fakeUpdater(feedEntry('0.2.0', 'wxfleet-Setup-0.2.0.exe'));
    updater.checkForUpdates.mockRejectedValueOnce(new Error('feed unreachable'));
    const { updates, errors } = await start({ platform: 'win32', loadUpdater: loading(updater) });
    await vi.waitFor(() => expect(errors).toEqual([new Error('feed unreachable')]));
    updates.stop();
  });

  it('starts without updates when electron-updater cannot be loaded', async () => {
    const { updates, errors } = await start({ loadUpdater: () => Promise.reject(new Error('module missing')) });
    updates.stop();
    expect(errors).toEqual([new Error('module missing')]);
  });
});
