import { FuseV1Options, FuseVersion } from '@electron/fuses';
import type * as Fuses from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { Arch } from 'electron-builder';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const { flipFuses } = vi.hoisted(() => ({ flipFuses: vi.fn(async () => 0) }));
vi.mock('@electron/fuses', async (importOriginal) => ({
  ...(await importOriginal<typeof Fuses>()),
  flipFuses,
}));
const { afterPack } = await import('../../scripts/packaging/after-pack');

function context(electronPlatformName: string, arch: Arch): AfterPackContext {
  const packager = { appInfo: { productFilename: 'wxfleet' }, executableName: 'wxfleet' };
  return { appOutDir: '/out/app', outDir: '/out', electronPlatformName, arch, packager, targets: [] } as never;
}

/** Exactly these fuses, no more and no fewer (every other fuse keeps Electron's default). */
const EXPECTED = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

describe('afterPack fuses', () => {
  beforeEach(() => flipFuses.mockClear());

  it.each([
    ['linux', Arch.x64, join('/out/app', 'wxfleet'), false],
    ['win32', Arch.x64, join('/out/app', 'wxfleet.exe'), false],
    ['darwin', Arch.x64, join('/out/app', 'wxfleet.app'), false],
    ['darwin', Arch.arm64, join('/out/app', 'wxfleet.app'), true],
  ])('flips exactly the six fuses on the %s (%s) binary', async (platform, arch, binary, resetAdHoc) => {
    await afterPack(context(platform, arch));
    expect(flipFuses).toHaveBeenCalledTimes(1);
    expect(flipFuses).toHaveBeenCalledWith(binary, { ...EXPECTED, resetAdHocDarwinSignature: resetAdHoc });
  });

  it('refuses a platform it does not know instead of shipping it without fuses', async () => {
    await expect(afterPack(context('freebsd', Arch.x64))).rejects.toThrow(/no fuses/);
    expect(flipFuses).not.toHaveBeenCalled();
  });
});
