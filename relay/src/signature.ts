import { timingSafeEqual } from 'node:crypto';
import { sha1Signature } from '@wxfleet/protocol';

const HEX40 = /^[0-9a-fA-F]{40}$/;

/**
 * Checks `msg_signature` = sha1(sort[token, timestamp, nonce, Encrypt]) against each configured Token (two during a
 * Token change) with a constant-time compare. The relay needs no EncodingAESKey for this and never decrypts.
 */
export function verifyMsgSignature(
  tokens: readonly string[],
  timestamp: string,
  nonce: string,
  encrypt: string,
  given: string,
): boolean {
  if (!HEX40.test(given)) return false;
  const actual = Buffer.from(given.toLowerCase(), 'latin1');
  let ok = false;
  for (const token of tokens) {
    const expected = Buffer.from(sha1Signature([token, timestamp, nonce, encrypt]), 'latin1');
    // No early exit: the time taken does not say which Token matched.
    if (timingSafeEqual(actual, expected)) ok = true;
  }
  return ok;
}
