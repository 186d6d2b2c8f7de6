import { mkdir, readFile, rename } from 'node:fs/promises';
import { coded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';
import type { ProfilePaths } from '../fs/profile-paths.js';
import { atomicWrite } from '../fs/atomic-write.js';
import { CoalescingWriter } from '../fs/coalescing-writer.js';
import type { Clock } from '../clock/clock.js';
import type { Logger } from '../log/logger.js';
import type { Keychain } from './keychain.js';
import { KEYCHAIN_SERVICE } from './keychain.js';
import type { KeySource } from './master-key.js';
import { resolveMasterKey } from './master-key.js';
import { isSealedFile, seal, unseal } from './sealed-box.js';
import type { SecretName, SecretValue } from './secret-names.js';
import { decryptFailed } from './vault-errors.js';

export interface VaultOptions {
  paths: ProfilePaths;
  keychain: Keychain;
  logger: Logger;
  clock: Clock;
  /** Keychain service name; one account per profile. */
  service?: string;
  /**
   * Without a usable keychain, keep the master key in memory (the secrets are lost at exit, and a notice says so)
   * instead of refusing to open. Only for a throw-away profile such as the demo's.
   */
  allowMemoryKey?: boolean;
  /**
   * A secrets file that does not decrypt is moved aside (and a notice says so) and the vault starts empty, instead
   * of refusing to open. Only for a throw-away profile: a real one would lose its refresh tokens.
   */
  startOverWhenUnreadable?: boolean;
}

export interface Vault {
  readonly profile: string;
  /** `memory` only when `allowMemoryKey` and no keychain: the secrets do not survive a restart. */
  readonly keySource: KeySource;
  /** Set when the vault had to start over (`allowMemoryKey`, `startOverWhenUnreadable`). */
  readonly notice: Coded | undefined;
  get<K extends SecretName>(name: K): SecretValue<K> | undefined;
  has(name: SecretName): boolean;
  names(): SecretName[];
  /** Resolves once the secret is durably on disk (encrypted). */
  set<K extends SecretName>(name: K, value: SecretValue<K>): Promise<void>;
  delete(name: SecretName): Promise<boolean>;
}

type Entries = Map<string, unknown>;

async function readSealed(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return null;
  }
}

export async function openVault(opts: VaultOptions): Promise<Vault> {
  const { paths, logger, clock } = opts;
  const aad = `wxfleet-vault:v1:${paths.profile}`;
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  const sealed = await readSealed(paths.secretsFile);
  const master = await resolveMasterKey({
    keychain: opts.keychain,
    service: opts.service ?? KEYCHAIN_SERVICE,
    profile: paths.profile,
    fileExists: sealed !== undefined,
    allowMemoryFallback: opts.allowMemoryKey ?? false,
  });
  const memoryKey = master.source === 'memory';
  let startedOver = false;
  if (memoryKey) logger.warn('no OS keychain: the master key is kept in memory only', { profile: paths.profile });

  let entries: Entries = new Map();
  if (sealed !== undefined) {
    try {
      if (!isSealedFile(sealed)) throw new Error('not a vault file');
      entries = new Map(Object.entries(JSON.parse(unseal(master.key, sealed, aad)) as Record<string, unknown>));
    } catch {
      if (!opts.startOverWhenUnreadable) throw decryptFailed(paths.profile);
      const aside = `${paths.secretsFile}.unreadable-${clock.now()}`;
      await rename(paths.secretsFile, aside);
      startedOver = true;
      logger.warn('vault started over', { movedTo: aside });
    }
  }

  // Serialized when the write starts, not per set: a burst of sets (a token for each of 10,000 mini-programs) costs
  // one serialization of the vault, not one per secret.
  const writer = new CoalescingWriter<Entries>((current) =>
    atomicWrite(
      paths.secretsFile,
      JSON.stringify(seal(master.key, JSON.stringify(Object.fromEntries(current)), aad)),
      0o600,
    ),
  );
  const persist = (): Promise<void> => writer.write(entries);
  if (sealed === undefined || master.created) await persist();

  const notice = startedOver
    ? coded(memoryKey ? 'notice_vault_memory_and_reset' : 'notice_vault_reset')
    : memoryKey
      ? coded('notice_vault_memory_key')
      : undefined;
  return {
    profile: paths.profile,
    keySource: master.source,
    notice,
    get: <K extends SecretName>(name: K) => entries.get(name) as SecretValue<K> | undefined,
    has: (name) => entries.has(name),
    names: () => [...entries.keys()] as SecretName[],
    set: async (name, value) => {
      entries.set(name, value);
      await persist();
    },
    delete: async (name) => {
      const existed = entries.delete(name);
      if (existed) await persist();
      return existed;
    },
  };
}
