import { expect, it } from 'vitest';
import { findSecret } from './helpers/secret-search.js';
/** The detector the no-plaintext-secrets tests rely on must itself find every encoded form. */
it('finds a secret raw, URL-encoded and inside base64 or base64url at any alignment', () => {
  const s = 'ticket@@@Abc_def-123456';
  for (const pre of ['', 'x', 'xy', 'xyz']) {
    const blob = Buffer.from(Buffer.from(`${pre}{"t":"${s}"}`).toString('base64'));
    expect(findSecret(blob, s)).not.toBeNull();
    expect(findSecret(Buffer.from(Buffer.from(`${pre}${s}`).toString('base64url')), s)).not.toBeNull();
  }
  expect(findSecret(Buffer.from(`a=${encodeURIComponent(s)}`), s)).not.toBeNull();
  expect(findSecret(Buffer.from(`a=${encodeURIComponent(s).toLowerCase()}`), s)).toBeNull();
  expect(findSecret(Buffer.from('nothing here at all, really nothing'), s)).toBeNull();
});
