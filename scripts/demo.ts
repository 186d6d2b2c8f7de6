/**
 * `npm run demo`: the WeChat simulator (demo seed, short timings), a relay and the console in the `demo` profile,
 * pre-wired. Opens Electron when it can start here, otherwise serves the console on loopback and prints its URL.
 *   --fresh        use a temporary profile instead of ~/.wxfleet-demo
 *   --port N       port of the browser host (default: a free one)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keytarKeychain } from '../src-main/core/platform/vault/keytar-keychain.js';
import { startDemoStack } from './demo-stack.js';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { fresh: { type: 'boolean', default: false }, port: { type: 'string' } } });

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function buildRendererIfNeeded(): Promise<void> {
  if (existsSync(join(root, 'out/renderer/index.html'))) return;
  console.log('正在构建界面… / Building the renderer…');
  await new Promise<void>((done, fail) => {
    const child = spawn('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`electron-vite build exited ${code}`))));
  });
}

await buildRendererIfNeeded();
const profileDir = values.fresh ? await mkdtemp(join(tmpdir(), 'wxfleet-demo-')) : join(homedir(), '.wxfleet-demo');
const stack = await startDemoStack({
  profileDir,
  keychain: keytarKeychain(),
  rendererDir: join(root, 'out/renderer'),
  prewire: true,
  crashes: process,
  ...(values.port ? { hostPort: Number(values.port) } : {}),
});

// The demo seed has nine merchants who authorized before this desktop existed: one sync finds them (it waits for
// the first ticket to arrive through the relay) and reads the versions they already run.
const firstSync = stack.host.invoke('authorizers:sync', null).then((result) => {
  if (!result.ok)
    console.log(
      `首次同步未完成，请在“小程序”页点击同步。/ First sync failed (${JSON.stringify(result.error)}); press Sync.`,
    );
});

let electron: ReturnType<typeof spawn> | null = null;
const binary = electronBinary();
if (binary !== null && process.env['DISPLAY'] !== undefined) {
  // The Electron shell opens the same profile; the browser host stays up as well for a second window.
  // The Electron shell reads the demo's config from a file: it opens the same throw-away profile on the simulator.
  const configFile = join(profileDir, 'demo-config.json');
  await writeFile(configFile, JSON.stringify(stack.config, null, 2), { mode: 0o600 });
  electron = spawn(binary, [root], {
    stdio: 'inherit',
    env: { ...process.env, WXFLEET_PROFILE_DIR: profileDir, WXFLEET_CONFIG: configFile },
  });
  electron.on('exit', shutdown);
}

console.log(`
wxfleet 演示已启动 / wxfleet demo is running
  微信模拟器 / WeChat simulator : ${stack.simUrl}
  中继 / relay                  : ${stack.relayUrl}
  配置档目录 / profile directory : ${profileDir}
${binary === null ? '  未找到 Electron，改用浏览器界面。/ Electron is not available here, so the console is served to your browser.\n' : ''}
  在浏览器中打开（一次性登录链接，几分钟内有效）/ Open in your browser (one-time login link, valid for minutes):
  ${stack.host.loginUrl()}
  需要新链接时 / for a new link: npm run wxfleet -- login-link --profile-dir ${profileDir} --profile demo

按 Ctrl-C 停止全部服务。/ Press Ctrl-C to stop everything.
`);

let stopping = false;
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  console.log('正在停止… / Stopping…');
  electron?.kill();
  firstSync
    .then(() => stack.close())
    .then(() => (values.fresh ? rm(profileDir, { recursive: true, force: true }) : undefined))
    .then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : String(error));
        process.exit(1);
      },
    );
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
