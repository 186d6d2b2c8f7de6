import { createDecipheriv, createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { WxCrypt } from '../protocol/src/crypt/wx-crypt.js';
import type { BenchRow } from './bench-row.js';
import { interleaved, opsPerCpuSecond } from './rounds.js';

interface LegacyCrypt {
  getSignature(timestamp: string, nonce: string, encrypt: string): string;
  decrypt(text: string): { message: string; id: string };
}
type LegacyCtor = new (token: string, encodingAESKey: string, id: string) => LegacyCrypt;

const require = createRequire(import.meta.url);
const LegacyWXBizMsgCrypt = require('wechat-crypto') as LegacyCtor;

const options = {
  token: 'benchToken',
  encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wx0a1b2c3d4e5f6a7b',
};
const MEASURE_MS = 250;
const ROUNDS = 9;

function pushOfSize(bytes: number): string {
  const filler = '<Reason><![CDATA[' + '页面内容与所选类目不符'.repeat(Math.ceil(bytes / 33)) + ']]></Reason>';
  return `<xml><ToUserName><![CDATA[gh_abcdef123456]]></ToUserName><CreateTime>1718100000</CreateTime>${filler}</xml>`.slice(
    0,
    bytes,
  );
}

/**
 * The raw limit: what node:crypto needs for the same result with no checks at all — one SHA-1 over the parts in
 * an order known in advance, one base64 decode, one AES-256-CBC pass and the UTF-8 of the message.
 */
function rawLimit(sortedParts: string, encrypt: string): () => string {
  const key = Buffer.from(`${options.encodingAESKey}=`, 'base64');
  const iv = key.subarray(0, 16);
  return () => {
    createHash('sha1').update(sortedParts).digest();
    const plain = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false).update(Buffer.from(encrypt, 'base64'));
    return plain.toString('utf8', 20, 20 + plain.readUInt32BE(16));
  };
}

export async function run(): Promise<BenchRow[]> {
  const ours = new WxCrypt(options);
  const legacy = new LegacyWXBizMsgCrypt(options.token, options.encodingAESKey, options.appId);
  const rows: BenchRow[] = [];
  for (const size of [1024, 16 * 1024]) {
    const message = pushOfSize(size);
    const encrypt = ours.encrypt(message);
    const [timestamp, nonce] = ['1718100000', '1234567890'];
    const signature = ours.signature(timestamp, nonce, encrypt);
    const check = (decrypted: string): void => {
      if (decrypted !== message) throw new Error('benchmark decrypted the wrong message');
    };
    const raw = rawLimit([options.token, timestamp, nonce, encrypt].sort().join(''), encrypt);
    const rates = await interleaved(ROUNDS, {
      ours: () =>
        opsPerCpuSecond(() => {
          if (!ours.verify(signature, timestamp, nonce, encrypt)) throw new Error('verify failed');
          check(ours.decrypt(encrypt));
        }, MEASURE_MS),
      legacy: () =>
        opsPerCpuSecond(() => {
          if (legacy.getSignature(timestamp, nonce, encrypt) !== signature) throw new Error('verify failed');
          const { message: decrypted, id } = legacy.decrypt(encrypt);
          if (id !== options.appId) throw new Error('appid');
          check(decrypted);
        }, MEASURE_MS),
      raw: () => opsPerCpuSecond(() => check(raw()), MEASURE_MS),
    });
    const kb = size / 1024;
    rows.push(
      {
        name: `protocol: verify+decrypt ${kb} KB push (vs wechat-crypto)`,
        value: rates.ours,
        unit: 'ops/CPU-s',
        baseline: rates.legacy,
        ratio: rates.ours / rates.legacy,
        goal: 'ratio ≥ 1.0',
      },
      {
        name: `protocol: verify+decrypt ${kb} KB push (vs raw node:crypto, no checks)`,
        value: rates.ours,
        unit: 'ops/CPU-s',
        baseline: rates.raw,
        ratio: rates.ours / rates.raw,
        goal: 'ratio ≥ 0.9',
      },
    );
  }
  return rows;
}
