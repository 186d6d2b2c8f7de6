import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeStrictBase64 } from '../src/crypt/strict-base64.js';

/** The check this decoder replaces: a round trip through Node's encoder gives back the very same text. */
const roundTrips = (text: string): boolean =>
  text.length > 0 && Buffer.from(text, 'base64').toString('base64') === text;

describe('strict base64 in one decode', () => {
  it('accepts and decodes whatever the encoder writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(decodeStrictBase64(text)).toEqual(Buffer.from(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the round trip on text mixing base64, base64url, padding, spaces and non-ASCII', () => {
    const alphabet = 'AQgw/+9z==-_ .\n\r!é中😀'.split('');
    const noisy = fc.array(fc.constantFrom(...alphabet), { maxLength: 16 }).map((chars) => chars.join(''));
    // Mostly valid text with one character changed, and arbitrary short text.
    const mutated = fc
      .tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(), fc.constantFrom(...alphabet))
      .map(([bytes, at, char]) => {
        const text = Buffer.from(bytes).toString('base64');
        const i = at % text.length;
        return text.slice(0, i) + char + text.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(noisy, mutated), (text) => {
        const decoded = decodeStrictBase64(text);
        expect(decoded !== undefined).toBe(roundTrips(text));
        if (decoded) expect(decoded).toEqual(Buffer.from(text, 'base64'));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['empty', ''],
    ['unpadded', 'QQ'],
    ['base64url', 'ab-_'],
    ['spare bits set, one pad', 'QUF='],
    ['spare bits set, two pads', 'QR=='],
    ['a space inside', 'QUFB QUFB'],
    ['padding in the middle', 'QQ==QUFB'],
    ['three pads', 'Q==='],
  ])('refuses %s', (_, text) => {
    expect(decodeStrictBase64(text)).toBeUndefined();
    expect(roundTrips(text)).toBe(false);
  });
});
