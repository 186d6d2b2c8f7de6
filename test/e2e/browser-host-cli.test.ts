/** The browser-host CLI as a user starts it: a real profile by default, refused in plain words without a keychain. */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { keytarKeychain } from '../../src-main/core/platform/vault/keytar-keychain.js';
import { ROOT } from './helpers.js';

const CLI = join(ROOT, 'src-main/web-host/cli.ts');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wxfleet-cli-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

function start(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--profile-dir', dir, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const printed = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const look = (): void => void (output.includes(text) ? resolve() : undefined);
      child.stdout.on('data', look);
      child.once('exit', () => reject(new Error(`exited without printing ${text}: ${output}`)));
      look();
    });
  return { child, exited, printed, output: () => output };
}

it('refuses a real profile without a keychain, saying what to do, with no stack trace', async () => {
  const env = { ...process.env };
  delete env['DBUS_SESSION_BUS_ADDRESS'];
  delete env['DISPLAY'];
  const cli = start([], env);
  expect(await cli.exited).toBe(1);
  expect(cli.output()).toMatch(/No OS keychain is available .* profile "default"/);
  expect(cli.output()).toMatch(/gnome-keyring/);
  expect(cli.output()).not.toMatch(/\n\s+at /);
  // Nothing was written in its place: no secrets file, and the refusal is in the profile's log.
  expect(existsSync(join(dir, 'profiles/default/secrets.enc.json'))).toBe(false);
  expect(await readFile(join(dir, 'profiles/default/logs/wxfleet.log'), 'utf8')).toContain('the profile did not open');
}, 60_000);

it('opens the default real profile and serves the console until told to stop', async () => {
  // Only the keychain entry's name differs from a user's start, so the test never touches a real one.
  const service = `wxfleet-cli-${process.pid}`;
  const configFile = join(dir, 'test-keychain.json');
  await writeFile(configFile, JSON.stringify({ vault: { keychainService: service } }));
  const cli = start(['--config', configFile, '--renderer-dir', join(ROOT, 'out/renderer')], process.env);
  try {
    await cli.printed('/login?code=');
    expect(cli.output()).toMatch(/console ready: http:\/\/127\.0\.0\.1:\d+\/login\?code=/);
    expect(existsSync(join(dir, 'profiles/default/secrets.enc.json'))).toBe(true);

    // Another terminal asks the running host for a new link; it logs a browser in once.
    const asked = start(['login-link'], process.env);
    expect(await asked.exited).toBe(0);
    const link = asked.output().trim();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/login\?code=[\w-]+$/);
    expect((await fetch(link, { redirect: 'manual' })).headers.get('set-cookie')).toMatch(/^wxfleet_session=/);
    expect((await fetch(link, { redirect: 'manual' })).headers.get('set-cookie')).toBeNull();
    expect((statSync(join(dir, 'profiles/default/web-host.sock')).mode & 0o777).toString(8)).toBe('600');

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(await readFile(join(dir, 'profiles/default/logs/wxfleet.log'), 'utf8')).toContain('wxfleet stopped');

    // With the host gone, the command says so and how to start one.
    const orphan = start(['login-link'], process.env);
    expect(await orphan.exited).toBe(1);
    expect(orphan.output()).toMatch(/No browser console is running for this profile/);
  } finally {
    cli.child.kill('SIGKILL');
    await keytarKeychain()
      .deletePassword(service, 'default')
      .catch(() => false);
  }
}, 60_000);
