import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../clock/clock.js';
import { profilePaths } from '../fs/profile-paths.js';
import { memoryLogger } from '../log/logger.js';
import type { Keychain } from './keychain.js';
import { keytarKeychain } from './keytar-keychain.js';
import { authorizerRefreshTokenName } from './secret-names.js';
import { openVault } from './vault.js';
import { VaultError } from './vault-errors.js';

/** The OS keychain edge as it fails without a Secret Service: keytar rejects every call. */
const noSecretService: Keychain = {
  getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  deletePassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
};

const keychain = keytarKeychain();
const service = `wxfleet-test-${process.pid}-${Date.now()}`;
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'wxfleet-vault-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  for (const profile of ['acme', 'other', 'scratch'])
    await keychain.deletePassword(service, profile).catch(() => false);
});

const open = (profile: string, kc: Keychain = keychain, logger = memoryLogger()) =>
  openVault({ paths: profilePaths(root, profile), keychain: kc, logger, clock: systemClock, service });
/** A throw-away profile as the demo command opens it. */
const openThrowAway = (kc: Keychain, logger = memoryLogger()) =>
  openVault({
    paths: profilePaths(root, 'scratch'),
    keychain: kc,
    logger,
    clock: systemClock,
    service,
    allowMemoryKey: true,
    startOverWhenUnreadable: true,
  });

describe('vault', () => {
  it('keeps secrets across reopen with the master key in the real keychain', async () => {
    const vault = await open('acme');
    expect(vault.keySource).toBe('keychain');
    await vault.set('component.appsecret', 'APPSECRET-abc123');
    await vault.set(authorizerRefreshTokenName('wx1111'), 'refresh@@@xyz');
    await vault.set('component.accessToken', { value: 'CAT-1', obtainedAt: 1, expiresAt: 2 });
    const reopened = await open('acme');
    expect(reopened.get('component.appsecret')).toBe('APPSECRET-abc123');
    expect(reopened.get(authorizerRefreshTokenName('wx1111'))).toBe('refresh@@@xyz');
    expect(reopened.get('component.accessToken')).toEqual({ value: 'CAT-1', obtainedAt: 1, expiresAt: 2 });
    expect(await reopened.delete('component.appsecret')).toBe(true);
    expect((await open('acme')).has('component.appsecret')).toBe(false);
    const key = await keychain.getPassword(service, 'acme');
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
  });

  it('writes a 0600 file that contains no plaintext secret', async () => {
    const vault = await open('acme');
    const secrets = ['APPSECRET-0123456789abcdef', 'EncodingAESKey0123456789012345678901234567', 'refresh@@@plaintext'];
    await vault.set('component.appsecret', secrets[0] ?? '');
    await vault.set('component.encodingAesKey', secrets[1] ?? '');
    await vault.set(authorizerRefreshTokenName('wx2222'), secrets[2] ?? '');
    const file = profilePaths(root, 'acme').secretsFile;
    const raw = await readFile(file);
    for (const secret of secrets) {
      expect(raw.includes(Buffer.from(secret))).toBe(false);
      expect(raw.includes(Buffer.from(Buffer.from(secret).toString('base64')))).toBe(false);
    }
    expect(raw.includes(Buffer.from('wx2222'))).toBe(false);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps profiles apart: separate directories and separate keys', async () => {
    const a = await open('acme');
    const b = await open('other');
    await a.set('relay.deviceToken', 'device-a');
    expect(b.has('relay.deviceToken')).toBe(false);
    expect(profilePaths(root, 'acme').dir).not.toBe(profilePaths(root, 'other').dir);
    expect(await keychain.getPassword(service, 'acme')).not.toBe(await keychain.getPassword(service, 'other'));
  });

  it('refuses a real profile without a keychain, saying how to fix it', async () => {
    const err = await open('acme', noSecretService).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VaultError);
    expect((err as VaultError).code).toBe('KEYCHAIN_UNAVAILABLE');
    expect((err as VaultError).message).toMatch(/gnome-keyring/);
    expect((err as VaultError).message).toMatch(/unlock/);
  });

  it('falls back to an in-memory key only when the config allows it, and says so', async () => {
    const logger = memoryLogger();
    const vault = await openThrowAway(noSecretService, logger);
    expect(vault.keySource).toBe('memory');
    expect(vault.notice).toEqual({ code: 'notice_vault_memory_key' });
    expect(logger.records.some((r) => r.level === 'warn' && /keychain/.test(r.msg))).toBe(true);
    await vault.set('component.appsecret', 'demo-secret');
    // A restart loses the key: the throw-away profile starts over instead of failing, and says so.
    const again = await openThrowAway(noSecretService);
    expect(again.has('component.appsecret')).toBe(false);
    expect(again.notice).toEqual({ code: 'notice_vault_memory_and_reset' });
  });

  it('refuses when the keychain lost the key of an existing real profile', async () => {
    const vault = await open('acme');
    await vault.set('component.appsecret', 's');
    await keychain.deletePassword(service, 'acme');
    await expect(open('acme')).rejects.toMatchObject({ code: 'MASTER_KEY_MISSING' });
  });

  it('refuses a tampered secrets file', async () => {
    const vault = await open('acme');
    await vault.set('component.appsecret', 's');
    const file = profilePaths(root, 'acme').secretsFile;
    const sealed = JSON.parse(await readFile(file, 'utf8')) as { data: string };
    const bytes = Buffer.from(sealed.data, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    await writeFile(file, JSON.stringify({ ...sealed, data: bytes.toString('base64') }));
    await expect(open('acme')).rejects.toMatchObject({ code: 'DECRYPT_FAILED' });
    // Refused, never moved aside: the refresh tokens in it may still be recovered.
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'wxfleet-vault' });
  });

  it('serializes concurrent writes without losing any', async () => {
    const vault = await open('acme');
    await Promise.all(Array.from({ length: 50 }, (_, i) => vault.set(authorizerRefreshTokenName(`wx${i}`), `r${i}`)));
    const reopened = await open('acme');
    expect(reopened.names().filter((n) => n.endsWith('.refreshToken'))).toHaveLength(50);
  });
});
