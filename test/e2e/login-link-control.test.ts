import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  loginLinkSocketPath,
  requestLoginLink,
  startLoginLinkControl,
} from '../../src-main/web-host/login-link-control.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wxfleet-link-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

it('hands out one fresh link per request, from a 0600 socket in the profile directory', async () => {
  let minted = 0;
  const path = loginLinkSocketPath(dir, 'linux');
  const control = await startLoginLinkControl(path, () => `http://127.0.0.1:1/login?code=c${++minted}`);
  try {
    expect(await requestLoginLink(path)).toBe('http://127.0.0.1:1/login?code=c1');
    expect(await requestLoginLink(path)).toBe('http://127.0.0.1:1/login?code=c2');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    // A second host on the same profile does not take the socket over.
    await expect(startLoginLinkControl(path, () => 'http://x/')).rejects.toThrow(/another wxfleet browser host/);
  } finally {
    await control.close();
  }
  await expect(requestLoginLink(path)).rejects.toThrow();
});

it('replaces what a killed host left behind', async () => {
  const path = loginLinkSocketPath(dir, 'linux');
  await writeFile(path, 'stale');
  const control = await startLoginLinkControl(path, () => 'http://127.0.0.1:1/login?code=fresh');
  try {
    expect(await requestLoginLink(path)).toBe('http://127.0.0.1:1/login?code=fresh');
  } finally {
    await control.close();
  }
});

it('names a pipe per profile on Windows', () => {
  const a = loginLinkSocketPath('C:\\Users\\a\\.wxfleet\\profiles\\default', 'win32');
  expect(a).toMatch(/^\\\\\.\\pipe\\wxfleet-web-host-[0-9a-f]{24}$/);
  expect(loginLinkSocketPath('c:\\users\\A\\.wxfleet\\profiles\\default', 'win32')).toBe(a);
  expect(loginLinkSocketPath('C:\\Users\\b\\.wxfleet\\profiles\\default', 'win32')).not.toBe(a);
});
