/**
 * The browser host from the command line:
 *   node --import tsx src-main/web-host/cli.ts --profile-dir DIR [--profile demo] [--wechat-base-url URL]
 *                                              [--port 0] [--renderer-dir out/renderer]
 * Prints the one-time login link; Ctrl-C stops it.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keytarKeychain } from '../core/platform/vault/keytar-keychain';
import { startConsoleHost } from './console-host';

const { values } = parseArgs({
  options: {
    'profile-dir': { type: 'string' },
    profile: { type: 'string', default: 'demo' },
    'wechat-base-url': { type: 'string' },
    port: { type: 'string', default: '0' },
    'renderer-dir': { type: 'string', default: 'out/renderer' },
  },
});

if (values['profile-dir'] === undefined) {
  console.error('--profile-dir is required / 需要 --profile-dir');
  process.exit(2);
}

const host = await startConsoleHost({
  profileDir: resolve(values['profile-dir']),
  profile: values.profile,
  keychain: keytarKeychain(),
  rendererDir: resolve(values['renderer-dir']),
  port: Number(values.port),
  ...(values['wechat-base-url'] ? { wechatBaseUrl: values['wechat-base-url'] } : {}),
});
console.log(`wxfleet 控制台已在浏览器中可用 / console ready: ${host.loginUrl()}`);

const stop = (): void => {
  void host.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
