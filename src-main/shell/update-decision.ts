import { gt, prerelease, valid } from 'semver';

/** How this copy was installed, which decides the installer file an update needs. */
export type InstallKind = 'appimage' | 'deb' | 'nsis' | 'mac';

const INSTALLER_SUFFIX: Record<InstallKind, string> = {
  appimage: '.AppImage',
  deb: '.deb',
  nsis: '.exe',
  // macOS replaces the app from the zip beside the dmg; the dmg is for first installs.
  mac: '.zip',
};

/** The part of an update feed entry (`latest.yml`, `latest-linux.yml`, `latest-mac.yml`) the decision reads. */
export interface FeedEntry {
  version: string;
  files?: ReadonlyArray<{ url: string; sha512?: string }>;
}

export type SkipReason = 'invalid_version' | 'not_newer' | 'prerelease' | 'no_installer' | 'no_checksum';

export type UpdateDecision =
  { install: true; version: string; url: string; sha512: string } | { install: false; reason: SkipReason };

/**
 * Whether this copy should take the feed's version: strictly newer (never a downgrade), a prerelease only for a copy
 * that is itself a prerelease, and an installer for this kind of install that carries a checksum to verify.
 */
export function decideUpdate(currentVersion: string, entry: FeedEntry, kind: InstallKind): UpdateDecision {
  const version = valid(entry.version);
  if (version === null || valid(currentVersion) === null) return { install: false, reason: 'invalid_version' };
  if (!gt(version, currentVersion)) return { install: false, reason: 'not_newer' };
  if (prerelease(version) !== null && prerelease(currentVersion) === null)
    return { install: false, reason: 'prerelease' };
  const installer = (entry.files ?? []).find((file) => file.url.endsWith(INSTALLER_SUFFIX[kind]));
  if (installer === undefined) return { install: false, reason: 'no_installer' };
  if (!installer.sha512) return { install: false, reason: 'no_checksum' };
  return { install: true, version, url: installer.url, sha512: installer.sha512 };
}

/**
 * Mirrors how electron-updater picks its updater: electron-builder writes `package-type` into a deb's resources;
 * a Linux copy without it runs from the AppImage.
 */
export function installKindOf(platform: NodeJS.Platform, linuxPackageType: string | null): InstallKind | null {
  if (platform === 'win32') return 'nsis';
  if (platform === 'darwin') return 'mac';
  if (platform === 'linux') return linuxPackageType === 'deb' ? 'deb' : 'appimage';
  return null;
}
