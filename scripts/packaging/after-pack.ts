import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import type { FuseV1Config } from '@electron/fuses';
import { Arch } from 'electron-builder';
import type { AfterPackContext } from 'electron-builder';
import { join } from 'node:path';

/**
 * The Electron fuses of every packaged build: the binary can never be turned into a plain Node (RunAsNode, NODE_OPTIONS,
 * --inspect), cookies are encrypted at rest, and the app loads only from its own asar, whose integrity is checked.
 */
export const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
} as const;

/** electron-builder's `afterPack` hook (see electron-builder.yml): runs before signing, so the signature covers it. */
export async function afterPack(context: AfterPackContext): Promise<void> {
  const config: FuseV1Config = {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature an arm64 macOS binary must have to start at all.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === Arch.arm64,
    ...FUSES,
  };
  await flipFuses(electronBinary(context), config);
}

/** Where electron-builder put the Electron binary it renamed to our product. */
export function electronBinary({ appOutDir, electronPlatformName, packager }: AfterPackContext): string {
  const { productFilename } = packager.appInfo;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${productFilename}.exe`);
    case 'linux':
      return join(appOutDir, (packager as unknown as { executableName: string }).executableName);
    default:
      throw new Error(`afterPack: no fuses for platform ${electronPlatformName}`);
  }
}
