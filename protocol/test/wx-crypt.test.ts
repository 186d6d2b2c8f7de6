import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WxCrypt, sha1Signature } from '../src/crypt/wx-crypt.js';
import { WxCryptError } from '../src/crypt/crypt-error.js';

// The official worked example of 03-crypto.md C9.
const official = { token: 'AAAAA', encodingAESKey: 'A'.repeat(43), appId: 'wx134c8103faa5a59e' };
const pushEncrypt =
  'D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==';
const pushMessage = [
  '<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>',
  '<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>',
  '<CreateTime>1715943329</CreateTime>',
  '<MsgType><![CDATA[event]]></MsgType>',
  '<Event><![CDATA[debug_demo]]></Event>',
  '<debug_str><![CDATA[hello world]]></debug_str>',
  '</xml>',
].join('\n');

const realisticKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const crypt = new WxCrypt({ token: 'tok3n', encodingAESKey: realisticKey, appId: 'wx0a1b2c3d4e5f6a7b' });

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WxCryptError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('WxCrypt against the official vector (03 C9)', () => {
  const wx = new WxCrypt(official);

  it('computes both signatures of the example push', () => {
    expect(wx.urlSignature('1715943329', '1590219412')).toBe('cc0c594499c1634947d5b502f158ee518947db27');
    expect(wx.signature('1715943329', '1590219412', pushEncrypt)).toBe('6c12a4205838198b8fa631b3220723bb07f1015c');
    expect(wx.verify('6c12a4205838198b8fa631b3220723bb07f1015c', '1715943329', '1590219412', pushEncrypt)).toBe(true);
  });

  it('decrypts the example push to its exact 292-byte message', () => {
    const message = wx.decrypt(pushEncrypt);
    expect(message).toBe(pushMessage);
    expect(Buffer.byteLength(message)).toBe(292);
  });

  it('encrypts and signs the example reply byte for byte', () => {
    const reply = wx.reply('<xml><demo_resp>[CDATA[good luck]]</demo_resp></xml>', '1713424427', '415670741', {
      random: '999951349e8ee746',
    });
    expect(reply.Encrypt).toBe(
      'hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7',
    );
    expect(reply.MsgSignature).toBe('03e0812039325c2712ef5f0f980fd14c70d6e307');
    expect(reply).toMatchObject({ TimeStamp: '1713424427', Nonce: '415670741' });
  });
});

describe('padding to 32-byte blocks', () => {
  it('round-trips every padding length 1…32', () => {
    const seen = new Set<number>();
    const appIdLength = 'wx0a1b2c3d4e5f6a7b'.length;
    for (let size = 0; size < 32; size++) {
      const message = 'x'.repeat(size);
      const encrypted = crypt.encrypt(message);
      const plainLength = Buffer.from(encrypted, 'base64').length;
      seen.add(plainLength - (20 + size + appIdLength));
      expect(crypt.decrypt(encrypted)).toBe(message);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  });
});

describe('refusals', () => {
  const encrypted = crypt.encrypt('<xml><A>1</A></xml>');

  it.each([
    ['longer', 'wx0a1b2c3d4e5f6a7bc'],
    ['shorter', 'wx0a1b2c3d4e5f6a7'],
    ['different case', 'WX0A1B2C3D4E5F6A7B'],
    ['trailing space', 'wx0a1b2c3d4e5f6a7b '],
    ['trailing NUL', 'wx0a1b2c3d4e5f6a7b\0'],
    ['another platform', 'wx9999999999999999'],
  ])('refuses a message addressed to an appid that is %s', (_, appId) => {
    const other = new WxCrypt({ token: 'tok3n', encodingAESKey: realisticKey, appId });
    expect(codeOf(() => other.decrypt(encrypted))).toBe('appid_mismatch');
  });

  it('refuses tampered ciphertext', () => {
    const bytes = Buffer.from(encrypted, 'base64');
    bytes[bytes.length - 1]! ^= 0x01;
    expect(['bad_padding', 'bad_length', 'appid_mismatch']).toContain(
      codeOf(() => crypt.decrypt(bytes.toString('base64'))),
    );
  });

  it('refuses truncated ciphertext and non-base64 input', () => {
    expect(codeOf(() => crypt.decrypt(encrypted.slice(0, 20)))).toBe('bad_length');
    expect(codeOf(() => crypt.decrypt(encrypted.slice(0, -4) + '!!!='))).toBe('bad_base64');
    expect(codeOf(() => crypt.decrypt(''))).toBe('bad_base64');
    const oneBlock = Buffer.from(encrypted, 'base64').subarray(0, 16).toString('base64');
    expect(['bad_padding', 'bad_length']).toContain(codeOf(() => crypt.decrypt(oneBlock)));
  });

  it('refuses a wrong signature and accepts upper-case hex of the right one', () => {
    const signature = crypt.signature('1700000000', '123', encrypted);
    expect(crypt.verify(signature.toUpperCase(), '1700000000', '123', encrypted)).toBe(true);
    expect(crypt.verify(signature, '1700000001', '123', encrypted)).toBe(false);
    expect(crypt.verify(signature.slice(0, 39), '1700000000', '123', encrypted)).toBe(false);
    expect(crypt.verify('', '1700000000', '123', encrypted)).toBe(false);
  });

  it('refuses malformed EncodingAESKeys', () => {
    for (const encodingAESKey of ['A'.repeat(42), 'A'.repeat(44), `${'A'.repeat(42)}+`]) {
      expect(codeOf(() => new WxCrypt({ token: 't', encodingAESKey, appId: 'wx1' }))).toBe('bad_key');
    }
  });
});

describe('content and keys', () => {
  it('keeps non-ASCII and 4-byte UTF-8 content intact', () => {
    const message = '<xml><Reason><![CDATA[类目不符 😀𠜎 ✓]]></Reason></xml>';
    expect(crypt.decrypt(crypt.encrypt(message))).toBe(message);
  });

  it('handles a 100 KB message', () => {
    const message = `<xml><Big><![CDATA[${'数'.repeat(34_000)}]]></Big></xml>`;
    expect(Buffer.byteLength(message)).toBeGreaterThan(100_000);
    expect(crypt.decrypt(crypt.encrypt(message))).toBe(message);
  });

  it('accepts official keys whose last character carries spare bits', () => {
    // 'B' and 'A' differ only in the 2 bits past the 256th; both must name the same key.
    const a = new WxCrypt({ token: 't', encodingAESKey: `${'Q'.repeat(42)}A`, appId: 'wx1' });
    const b = new WxCrypt({ token: 't', encodingAESKey: `${'Q'.repeat(42)}B`, appId: 'wx1' });
    expect(b.decrypt(a.encrypt('hello'))).toBe('hello');
  });

  it('decrypts with a previous EncodingAESKey during a rotation and says which key worked', () => {
    const oldKey = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut';
    const before = new WxCrypt({ token: 'tok3n', encodingAESKey: oldKey, appId: 'wx0a1b2c3d4e5f6a7b' });
    const rotating = new WxCrypt({
      token: 'tok3n',
      encodingAESKey: realisticKey,
      appId: 'wx0a1b2c3d4e5f6a7b',
      previousEncodingAESKeys: [oldKey],
    });
    expect(rotating.decryptWithKey(before.encrypt('old')).keyIndex).toBe(1);
    expect(rotating.decryptWithKey(rotating.encrypt('new')).keyIndex).toBe(0);
    expect(codeOf(() => crypt.decrypt(before.encrypt('old')))).not.toBe('no error');
  });

  it('round-trips random messages (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (message) => {
        const wellFormed = message.toWellFormed();
        expect(crypt.decrypt(crypt.encrypt(wellFormed))).toBe(wellFormed);
      }),
      { numRuns: 300 },
    );
  });

  it('signs with the parts sorted exactly as Array#sort sorts them, whatever their order (property)', () => {
    const part = fc.string({ unit: 'binary', maxLength: 12 }).map((text) => text.toWellFormed());
    fc.assert(
      fc.property(part, part, part, part, (token, timestamp, nonce, encrypt) => {
        const wx = new WxCrypt({ token, encodingAESKey: realisticKey, appId: 'wx1' });
        const expected = sha1Signature([token, timestamp, nonce, encrypt]);
        expect(wx.signature(timestamp, nonce, encrypt)).toBe(expected);
        expect(wx.verify(expected, timestamp, nonce, encrypt)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every corruption of the padding bytes, not only the last one', () => {
    const plain = (pad: number, corruptAt: number): string => {
      const body = Buffer.from('<xml/>');
      const appId = Buffer.from('wx0a1b2c3d4e5f6a7b');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length);
      const padding = Buffer.alloc(pad, pad);
      if (corruptAt >= 0) padding[corruptAt] = pad ^ 0x40;
      return Buffer.concat([Buffer.alloc(16, 0x61), length, body, appId, padding]).toString('latin1');
    };
    // 20 + 6 + 18 = 44 bytes before padding: 20 bytes of padding make 64.
    const pad = 20;
    const key = Buffer.from(`${realisticKey}=`, 'base64');
    const encryptRaw = (text: string): string => {
      const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
      return Buffer.concat([cipher.update(Buffer.from(text, 'latin1')), cipher.final()]).toString('base64');
    };
    expect(crypt.decrypt(encryptRaw(plain(pad, -1)))).toBe('<xml/>');
    for (const at of [0, 7, pad - 2])
      expect(codeOf(() => crypt.decrypt(encryptRaw(plain(pad, at))))).toBe('bad_padding');
  });
});
