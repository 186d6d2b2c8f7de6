import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Platform, build } from 'electron-builder';
import { generateIcons } from './generate-icons';

/**
 * `npm run dist [-- --linux | --win | --mac]`: builds the app, renders the icons and packs the installers into dist/
 * for the given platform (default: this one). Needs Electron's binary from the network and, for the update feed,
 * WXFLEET_UPDATE_URL: the HTTPS folder the agency serves latest*.yml and the installers from.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PLATFORMS: Record<string, Platform> = {
  '--linux': Platform.LINUX,
  '--win': Platform.WINDOWS,
  '--mac': Platform.MAC,
};

const feed = process.env['WXFLEET_UPDATE_URL'];
if (!isHttpsUrl(feed)) {
  console.error(
    'dist: set WXFLEET_UPDATE_URL to the HTTPS folder that will serve the update feed, for example\n' +
      '  WXFLEET_UPDATE_URL=https://relay.example.com/updates/ npm run dist\n' +
      'After the build, upload dist/latest*.yml and the installers to that folder.',
  );
  process.exit(1);
}
const platform = process.argv[2] === undefined ? undefined : PLATFORMS[process.argv[2]];
if (process.argv[2] !== undefined && platform === undefined) {
  console.error(`dist: unknown platform ${process.argv[2]}; use --linux, --win or --mac`);
  process.exit(1);
}

const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
await generateIcons();
const artifacts = await build({
  projectDir: ROOT,
  ...(platform === undefined ? {} : { targets: platform.createTarget() }),
  publish: 'never',
});
console.log(`dist: ${artifacts.length} files in dist/\n${artifacts.map((file) => `  ${file}`).join('\n')}`);

function isHttpsUrl(value: string | undefined): value is string {
  try {
    return value !== undefined && new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
