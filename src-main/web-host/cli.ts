/**
 * The browser host from the command line (`npm run wxfleet -- …`):
 *   wxfleet [serve] [--profile-dir ~/.wxfleet] [--profile default] [--config FILE] [--port 0] [--renderer-dir DIR]
 *   wxfleet login-link [--profile-dir ~/.wxfleet] [--profile default]
 * `serve` opens a real profile (the OS keychain is required) unless `--config` names a file of other settings, prints
 * a one-time login link and runs until Ctrl-C. `login-link` prints a new link of the host running that profile; with
 * neither option it asks the default profile's host, then the demo's (`npm run demo` without --fresh).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PROFILE, hostConfig } from '../core/app/host-config';
import { profilePaths } from '../core/platform/fs/profile-paths';
import { keytarKeychain } from '../core/platform/vault/keytar-keychain';
import { startConsoleHost } from './console-host';
import { loginLinkSocketPath, requestLoginLink } from './login-link-control';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'profile-dir': { type: 'string' },
    profile: { type: 'string' },
    config: { type: 'string' },
    port: { type: 'string', default: '0' },
    'renderer-dir': { type: 'string', default: 'out/renderer' },
  },
});

const command = positionals[0] ?? 'serve';
if (command === 'login-link') await printLoginLink();
else if (command === 'serve') await serve();
else {
  console.error(`未知命令 / unknown command "${command}": use serve or login-link`);
  process.exit(2);
}

/** Where `login-link` looks when not told: the default profile, then the demo's usual one. */
function linkCandidates(): string[] {
  if (values['profile-dir'] !== undefined || values.profile !== undefined)
    return [profilePaths(profileRoot(), values.profile ?? DEFAULT_PROFILE).dir];
  return [profilePaths(profileRoot(), DEFAULT_PROFILE).dir, profilePaths(join(homedir(), '.wxfleet-demo'), 'demo').dir];
}

async function printLoginLink(): Promise<void> {
  const dirs = linkCandidates();
  for (const dir of dirs) {
    const link = await requestLoginLink(loginLinkSocketPath(dir)).catch(() => null);
    if (link !== null) return void console.log(link);
  }
  const where = dirs.join(', ');
  console.error(
    `没有正在运行的浏览器控制台（${where}）。请先启动它（npm run wxfleet 或 npm run demo），或用 --profile-dir / --profile 指定配置档。\n` +
      `No browser console is running for this profile (${where}). Start it first (npm run wxfleet or npm run demo), or name the profile with --profile-dir / --profile.`,
  );
  process.exit(1);
}

function profileRoot(): string {
  return resolve(values['profile-dir'] ?? join(homedir(), '.wxfleet'));
}

async function serve(): Promise<void> {
  const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
    version: string;
  };

  try {
    const config = await hostConfig({
      profileDir: profileRoot(),
      version,
      ...(values.profile ? { profile: values.profile } : {}),
      ...(values.config ? { configFile: resolve(values.config) } : {}),
    });
    const host = await startConsoleHost({
      config,
      keychain: keytarKeychain(),
      rendererDir: resolve(values['renderer-dir']),
      port: Number(values.port),
      crashes: process,
    });
    console.log(`wxfleet 控制台已在浏览器中可用 / console ready: ${host.loginUrl()}`);
    const stop = (): void => {
      host.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error instanceof Error ? error.message : String(error));
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    // A refusal (no keychain, an unreadable profile) says what to do; a stack trace would not.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
