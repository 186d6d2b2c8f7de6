import { coded } from '../../../contract/codes.js';
import type { Coded, MessageCode } from '../../../contract/codes.js';

export type VaultErrorCode = 'KEYCHAIN_UNAVAILABLE' | 'MASTER_KEY_MISSING' | 'DECRYPT_FAILED' | 'FILE_UNREADABLE';

const KEYCHAIN_FIX =
  'Install and unlock the OS keychain: on Linux install gnome-keyring (or another Secret Service provider such as ' +
  'KeePassXC with Secret Service enabled) and make sure it is running and unlocked in your desktop session; on ' +
  'macOS unlock the login keychain; on Windows sign in to your user account normally (Credential Manager). Then ' +
  'restart wxfleet.';

const REASONS: Record<VaultErrorCode, MessageCode> = {
  KEYCHAIN_UNAVAILABLE: 'keychain_unavailable',
  MASTER_KEY_MISSING: 'vault_master_key_missing',
  DECRYPT_FAILED: 'vault_decrypt_failed',
  FILE_UNREADABLE: 'store_unreadable',
};

export class VaultError extends Error {
  override readonly name = 'VaultError';
  readonly contractCode: 'keychain_unavailable' | 'internal';
  readonly reason: Coded;
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    readonly fix: string,
  ) {
    super(`${message} ${fix}`);
    this.contractCode = code === 'KEYCHAIN_UNAVAILABLE' ? 'keychain_unavailable' : 'internal';
    this.reason = coded(REASONS[code]);
  }
}

export function keychainUnavailable(profile: string, reason: string): VaultError {
  return new VaultError(
    'KEYCHAIN_UNAVAILABLE',
    `No OS keychain is available (${reason}), so profile "${profile}" cannot keep its secrets safely and will not open.`,
    KEYCHAIN_FIX,
  );
}

export function masterKeyMissing(profile: string): VaultError {
  return new VaultError(
    'MASTER_KEY_MISSING',
    `The keychain has no master key for profile "${profile}" although its secrets file exists, so the file cannot be decrypted.`,
    "If the keychain was reset or the profile was copied from another machine, move the profile's secrets file away " +
      'and enter the platform credentials again in Settings; authorizer refresh tokens are then recovered by ' +
      'reconciliation (api_get_authorizer_list).',
  );
}

export function decryptFailed(profile: string): VaultError {
  return new VaultError(
    'DECRYPT_FAILED',
    `The secrets file of profile "${profile}" does not decrypt with the keychain's master key (corrupt file or a different key).`,
    'Restore the file from a backup, or move it away and enter the platform credentials again in Settings.',
  );
}
