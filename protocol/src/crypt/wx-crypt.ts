import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { WxCryptError } from './crypt-error.js';
import { decodeStrictBase64 } from './strict-base64.js';

export interface WxCryptOptions {
  /** 消息校验Token: only used in SHA1 signatures. */
  token: string;
  /** 消息加解密Key: 43 characters of [A-Za-z0-9]. */
  encodingAESKey: string;
  /** The component_appid; the trailing appid of every plaintext must equal it exactly. */
  appId: string;
  /** Keys still accepted for decryption during an EncodingAESKey rotation (03 C11). */
  previousEncodingAESKeys?: readonly string[];
}

export interface EncryptOptions {
  /** The 16 random leading bytes; 16 ASCII alphanumerics when left out. */
  random?: string | Uint8Array;
}

export interface EncryptedReply {
  Encrypt: string;
  MsgSignature: string;
  TimeStamp: string;
  Nonce: string;
}

export interface Decrypted {
  message: string;
  /** 0 for the current key, 1… for `previousEncodingAESKeys[i - 1]`: replies should use the key that worked. */
  keyIndex: number;
}

interface AesKey {
  key: Buffer;
  iv: Buffer;
}

const BLOCK = 32;
const HEADER = 20; // 16 random bytes + 4-byte big-endian length
const ENCODING_AES_KEY = /^[A-Za-z0-9]{43}$/;
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function aesKeyOf(encodingAESKey: string): AesKey {
  if (!ENCODING_AES_KEY.test(encodingAESKey)) {
    throw new WxCryptError('bad_key', 'EncodingAESKey must be exactly 43 letters or digits');
  }
  // The 43rd character carries 2 spare bits; decoding ignores them, as WeChat's own demos do.
  const key = Buffer.from(`${encodingAESKey}=`, 'base64');
  return { key, iv: key.subarray(0, 16) };
}

/** SHA1 over the lexicographically sorted parts, lower-case hex (03 C4). */
export function sha1Signature(parts: readonly string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/**
 * The four parts of a `msg_signature`, sorted as `Array#sort` sorts strings (UTF-16 code units) and concatenated,
 * without the array, the sort call and the join that a push would otherwise pay for.
 */
function sortedConcat4(a: string, b: string, c: string, d: string): string {
  let t: string;
  // A five-comparison sorting network.
  if (a > b) {
    t = a;
    a = b;
    b = t;
  }
  if (c > d) {
    t = c;
    c = d;
    d = t;
  }
  if (a > c) {
    t = a;
    a = c;
    c = t;
  }
  if (b > d) {
    t = b;
    b = d;
    d = t;
  }
  if (b > c) {
    t = b;
    b = c;
    c = t;
  }
  return a + b + c + d;
}

function randomAlphanumeric(length: number): Buffer {
  const bytes = randomBytes(length);
  for (let i = 0; i < length; i++) bytes[i] = ALPHANUMERIC.charCodeAt(bytes[i]! % ALPHANUMERIC.length);
  return bytes;
}

function randomPrefix(random: EncryptOptions['random']): Buffer {
  if (random === undefined) return randomAlphanumeric(16);
  const bytes = typeof random === 'string' ? Buffer.from(random, 'utf8') : Buffer.from(random);
  if (bytes.length !== 16) throw new RangeError('random must be exactly 16 bytes');
  return bytes;
}

export class WxCrypt {
  private readonly token: string;
  private readonly appId: Buffer;
  private readonly keys: AesKey[];

  constructor(options: WxCryptOptions) {
    this.token = options.token;
    this.appId = Buffer.from(options.appId, 'utf8');
    this.keys = [options.encodingAESKey, ...(options.previousEncodingAESKeys ?? [])].map(aesKeyOf);
  }

  /** The `msg_signature` of an encrypted push or reply. */
  signature(timestamp: string, nonce: string, encrypt: string): string {
    return createHash('sha1')
      .update(sortedConcat4(this.token, timestamp, nonce, encrypt))
      .digest('hex');
  }

  /** The body-less `signature` query parameter; never authenticates a body. */
  urlSignature(timestamp: string, nonce: string): string {
    return sha1Signature([this.token, timestamp, nonce]);
  }

  /** Constant-time check of `msg_signature`; hex case does not matter. */
  verify(msgSignature: string, timestamp: string, nonce: string, encrypt: string): boolean {
    if (msgSignature.length !== 40) return false;
    const given = Buffer.from(msgSignature, 'hex');
    if (given.length !== 20) return false;
    const expected = createHash('sha1')
      .update(sortedConcat4(this.token, timestamp, nonce, encrypt))
      .digest();
    return timingSafeEqual(given, expected);
  }

  encrypt(message: string, options: EncryptOptions = {}): string {
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length, 0);
    const unpadded = HEADER + body.length + this.appId.length;
    const pad = BLOCK - (unpadded % BLOCK);
    const plain = Buffer.concat([randomPrefix(options.random), length, body, this.appId, Buffer.alloc(pad, pad)]);
    const { key, iv } = this.keys[0]!;
    const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
  }

  /** Decrypts with the current key, then each previous key; throws WxCryptError. */
  decrypt(encrypt: string): string {
    return this.decryptWithKey(encrypt).message;
  }

  decryptWithKey(encrypt: string): Decrypted {
    const cipherText = decodeStrictBase64(encrypt);
    if (cipherText === undefined) throw new WxCryptError('bad_base64', 'Encrypt is not base64');
    if (cipherText.length % 16 !== 0) {
      throw new WxCryptError('bad_length', `ciphertext of ${cipherText.length} bytes is not whole AES blocks`);
    }
    let firstError: WxCryptError | undefined;
    for (let keyIndex = 0; keyIndex < this.keys.length; keyIndex++) {
      try {
        return { message: this.open(cipherText, this.keys[keyIndex]!), keyIndex };
      } catch (error) {
        if (!(error instanceof WxCryptError)) throw error;
        // A right key with a wrong appid is the most telling failure; otherwise report the current key's.
        if (error.code === 'appid_mismatch' || firstError === undefined) firstError = error;
      }
    }
    throw firstError!;
  }

  /** The encrypted passive reply of 03 C6, signed over its own TimeStamp and Nonce. */
  reply(message: string, timestamp: string, nonce: string, options: EncryptOptions = {}): EncryptedReply {
    const encrypted = this.encrypt(message, options);
    return {
      Encrypt: encrypted,
      MsgSignature: this.signature(timestamp, nonce, encrypted),
      TimeStamp: timestamp,
      Nonce: nonce,
    };
  }

  private open(cipherText: Buffer, { key, iv }: AesKey): string {
    // Whole blocks and no auto padding: update() returns all of the plaintext and final() would add nothing.
    const plain = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false).update(cipherText);
    const size = plain.length;
    const pad = size === 0 ? 0 : plain[size - 1]!;
    if (pad < 1 || pad > BLOCK || pad > size) throw new WxCryptError('bad_padding', 'invalid PKCS#7 padding');
    for (let i = size - pad; i < size - 1; i++) {
      if (plain[i] !== pad) throw new WxCryptError('bad_padding', 'invalid PKCS#7 padding');
    }
    const end = size - pad;
    if (end < HEADER) throw new WxCryptError('bad_length', 'plaintext shorter than its header');
    const length = plain.readUInt32BE(16);
    if (length > end - HEADER) throw new WxCryptError('bad_length', 'message length exceeds the plaintext');
    if (this.appId.compare(plain, HEADER + length, end) !== 0) {
      throw new WxCryptError('appid_mismatch', 'message is for another appid');
    }
    return plain.toString('utf8', HEADER, HEADER + length);
  }
}
