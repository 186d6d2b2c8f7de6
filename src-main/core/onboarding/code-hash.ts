import { createHash } from 'node:crypto';

/** Single-use codes are remembered only as digests: the store never holds one in plaintext. */
export const codeHash = (code: string): string => createHash('sha256').update(code, 'utf8').digest('hex');
