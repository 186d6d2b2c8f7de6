import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider';
import { decideUpdate, installKindOf } from '../../src-main/shell/update-decision';

/** A feed file as electron-updater itself reads it from the build-time feed URL. */
function feed(name: string) {
  const url = new URL(name, 'https://relay.agency.example/updates/');
  return parseUpdateInfo(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'), name, url);
}

describe('update decision', () => {
  it('takes a newer version with the installer for this kind of install and its checksum', () => {
    expect(decideUpdate('0.1.0', feed('latest.yml'), 'nsis')).toEqual({
      install: true,
      version: '0.2.0',
      url: 'wxfleet-Setup-0.2.0.exe',
      sha512: 'AlE5zltml6k/jerJME1/anEZcTJJEJiBLwhdEO2hySyLSWnmpLeeZH9kK4GwoQbi6N7V/lB0V7tV5Zow/P7Z+Q==',
    });
    expect(decideUpdate('0.1.0', feed('latest-linux.yml'), 'appimage')).toMatchObject({
      install: true,
      url: 'wxfleet-0.2.0.AppImage',
    });
    expect(decideUpdate('0.1.0', feed('latest-linux.yml'), 'deb')).toMatchObject({
      install: true,
      url: 'wxfleet_0.2.0_amd64.deb',
    });
    expect(decideUpdate('0.1.0', feed('latest-mac.yml'), 'mac')).toMatchObject({
      install: true,
      url: 'wxfleet-0.2.0-arm64-mac.zip',
    });
  });

  it('never reinstalls the same version or goes back to an older one', () => {
    expect(decideUpdate('0.2.0', feed('latest.yml'), 'nsis')).toEqual({ install: false, reason: 'not_newer' });
    expect(decideUpdate('0.3.1', feed('latest.yml'), 'nsis')).toEqual({ install: false, reason: 'not_newer' });
  });

  it('offers a prerelease only to a copy that is itself a prerelease', () => {
    const beta = { ...feed('latest.yml'), version: '0.3.0-beta.2' };
    expect(decideUpdate('0.2.0', beta, 'nsis')).toEqual({ install: false, reason: 'prerelease' });
    expect(decideUpdate('0.3.0-beta.1', beta, 'nsis')).toMatchObject({ install: true, version: '0.3.0-beta.2' });
  });

  it('refuses a feed without an installer for this install, or without a checksum to verify it', () => {
    expect(decideUpdate('0.1.0', feed('latest-linux.yml'), 'nsis')).toEqual({ install: false, reason: 'no_installer' });
    expect(decideUpdate('0.1.0', feed('latest.yml'), 'mac')).toEqual({ install: false, reason: 'no_installer' });
    expect(decideUpdate('0.1.0', feed('latest-unsigned.yml'), 'nsis')).toEqual({
      install: false,
      reason: 'no_checksum',
    });
  });

  it('refuses versions that are not semantic versions', () => {
    expect(decideUpdate('0.1.0', { ...feed('latest.yml'), version: 'latest' }, 'nsis')).toEqual({
      install: false,
      reason: 'invalid_version',
    });
  });

  it('knows the kind of install the way electron-updater picks its updater', () => {
    expect(installKindOf('win32', null)).toBe('nsis');
    expect(installKindOf('darwin', null)).toBe('mac');
    expect(installKindOf('linux', 'deb')).toBe('deb');
    expect(installKindOf('linux', null)).toBe('appimage');
    expect(installKindOf('freebsd', null)).toBeNull();
  });
});
