import type { Vault } from '../../../src-main/core/platform/vault/vault.js';

/**
 * Every value the vault is ever given, as it is given: tokens that rotate during a run (component and authorizer
 * tokens, tickets, refresh tokens) are caught even if a later one replaced them before the test looks.
 */
export function recordVaultWrites(vault: Vault, into: Set<string>): void {
  const set = vault.set.bind(vault);
  vault.set = async (name, value) => {
    addSecret(into, value);
    return set(name, value);
  };
  for (const name of vault.names()) addSecret(into, vault.get(name));
}

export function addSecret(into: Set<string>, value: unknown): void {
  if (typeof value === 'string' && value !== '') into.add(value);
  else if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string')
    into.add(value.value);
}

/**
 * The forms a secret can take in a file or a message: as is, URL-encoded (either hex case), and base64 / base64url
 * at each of the three byte alignments inside a longer encoded text (only the characters that depend on the secret
 * alone are kept, so a match inside any base64 blob is found).
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const encoded = encodeURIComponent(secret);
  forms.add(encoded);
  forms.add(encoded.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()));
  const bytes = Buffer.from(secret, 'utf8');
  for (let offset = 0; offset < 3; offset++) {
    const text = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const start = offset === 0 ? 0 : offset + 1;
    const end = text.length - 4;
    if (end - start < 8) continue;
    const core = text.slice(start, end);
    forms.add(core);
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms];
}

/** The first form of `secret` found in `data`, or null. */
export function findSecret(data: Buffer, secret: string): string | null {
  for (const form of secretForms(secret)) if (data.includes(Buffer.from(form))) return form;
  return null;
}
