const EQUALS = 0x3d;

/** The 6-bit value of a standard base64 character, or -1. */
function sextet(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code - 0x41; // A-Z
  if (code >= 0x61 && code <= 0x7a) return code - 0x61 + 26; // a-z
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 52; // 0-9
  if (code === 0x2b) return 62; // +
  if (code === 0x2f) return 63; // /
  return -1;
}

/**
 * Decodes canonical padded standard base64 — exactly the strings `Buffer#toString('base64')` writes — in one pass of
 * Node's decoder, or returns undefined. Node also accepts base64url's `-` and `_` and silently skips any other
 * character; non-ASCII text and those two are refused up front, and a skipped character shows as a decoded length short of what the
 * text's length promises. The bits past the last byte must be zero, as an encoder writes them.
 */
export function decodeStrictBase64(text: string): Buffer | undefined {
  const length = text.length;
  if (length === 0 || length % 4 !== 0) return undefined;
  // Non-ASCII first: Node reads a two-byte character by its low byte, so '中' (U+4E2D) would decode as '-'.
  if (Buffer.byteLength(text, 'utf8') !== length) return undefined;
  if (text.indexOf('-') !== -1 || text.indexOf('_') !== -1) return undefined;
  const pads = text.charCodeAt(length - 1) !== EQUALS ? 0 : text.charCodeAt(length - 2) !== EQUALS ? 1 : 2;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== (length / 4) * 3 - pads) return undefined;
  if (pads > 0 && (sextet(text.charCodeAt(length - 1 - pads)) & (pads === 1 ? 0b11 : 0b1111)) !== 0) return undefined;
  return bytes;
}
