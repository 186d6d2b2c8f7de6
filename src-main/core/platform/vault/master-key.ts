import { randomBytes } from 'node:crypto';
import type { Keychain } from './keychain.js';
import { KEY_BYTES } from './sealed-box.js';
import { keychainUnavailable, masterKeyMissing } from './vault-errors.js';

export type KeySource = 'keychain' | 'memory';

export interface MasterKey {
  key: Buffer;
  source: KeySource;
  /** True when this call created the key (a fresh profile, or a throw-away profile starting over). */
  created: boolean;
}

export interface MasterKeyOptions {
  keychain: Keychain;
  service: string;
  profile: string;
  /** Whether an encrypted secrets file already exists for the profile. */
  fileExists: boolean;
  /** Only a throw-away profile may live with a key that disappears when the process exits. */
  allowMemoryFallback: boolean;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Reads the profile's 256-bit master key from the keychain, creating it on first use. */
export async function resolveMasterKey(opts: MasterKeyOptions): Promise<MasterKey> {
  const { keychain, service, profile } = opts;
  const memory = (): MasterKey => ({ key: randomBytes(KEY_BYTES), source: 'memory', created: true });
  let stored: string | null;
  try {
    stored = await keychain.getPassword(service, profile);
  } catch (err) {
    if (opts.allowMemoryFallback) return memory();
    throw keychainUnavailable(profile, describe(err));
  }
  if (stored !== null) {
    const key = Buffer.from(stored, 'base64');
    if (key.length === KEY_BYTES) return { key, source: 'keychain', created: false };
  }
  if (opts.fileExists && !opts.allowMemoryFallback) throw masterKeyMissing(profile);
  const key = randomBytes(KEY_BYTES);
  try {
    await keychain.setPassword(service, profile, key.toString('base64'));
    // Some keyrings accept a write they do not keep (locked collection): read it back before trusting it.
    if ((await keychain.getPassword(service, profile)) !== key.toString('base64')) {
      throw new Error('the keychain did not keep the master key');
    }
  } catch (err) {
    if (opts.allowMemoryFallback) return memory();
    throw keychainUnavailable(profile, describe(err));
  }
  return { key, source: 'keychain', created: true };
}
