/**
 * The browser host from the command line:
 *   node --import tsx src-main/web-host/cli.ts [--profile-dir ~/.wxfleet] [--profile default] [--config FILE]
 *                                              [--port 0] [--renderer-dir out/renderer]
 * Opens a real profile (the OS keychain is required) unless `--config` names a file of other settings. Prints the
 * one-time login link; Ctrl-C stops it.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hostConfig } from '../core/app/host-config';
import { keytarKeychain } from '../core/platform/vault/keytar-keychain';
import { startConsoleHost } from './console-host';

const { values } = parseArgs({
  options: {
    'profile-dir': { type: 'string', default: join(homedir(), '.wxfleet') },
    profile: { type: 'string' },
    config: { type: 'string' },
    port: { type: 'string', default: '0' },
    'renderer-dir': { type: 'string', default: 'out/renderer' },
  },
});

const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
  version: string;
};

try {
  const config = await hostConfig({
    profileDir: resolve(values['profile-dir']),
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
