import { createRequire } from 'node:module';
import { WxCrypt } from '../protocol/src/crypt/wx-crypt.js';
import type { BenchRow } from './bench-row.js';

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
const MEASURE_MS = 300;
const ROUNDS = 5;

function opsPerSecond(work: () => void): number {
  for (let i = 0; i < 200; i++) work();
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MEASURE_MS) {
    for (let i = 0; i < 100; i++) work();
    count += 100;
    elapsed = performance.now() - start;
  }
  return (count * 1000) / elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function pushOfSize(bytes: number): string {
  const filler = '<Reason><![CDATA[' + '页面内容与所选类目不符'.repeat(Math.ceil(bytes / 33)) + ']]></Reason>';
  return `<xml><ToUserName><![CDATA[gh_abcdef123456]]></ToUserName><CreateTime>1718100000</CreateTime>${filler}</xml>`.slice(
    0,
    bytes,
  );
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
    const oursWork = (): void => {
      if (!ours.verify(signature, timestamp, nonce, encrypt)) throw new Error('verify failed');
      check(ours.decrypt(encrypt));
    };
    const legacyWork = (): void => {
      if (legacy.getSignature(timestamp, nonce, encrypt) !== signature) throw new Error('verify failed');
      const { message: decrypted, id } = legacy.decrypt(encrypt);
      if (id !== options.appId) throw new Error('appid');
      check(decrypted);
    };
    // Interleaved rounds, median of each: background load hits both sides alike.
    const oursRates: number[] = [];
    const legacyRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      oursRates.push(opsPerSecond(oursWork));
      legacyRates.push(opsPerSecond(legacyWork));
    }
    const oursRate = median(oursRates);
    const legacyRate = median(legacyRates);
    rows.push({
      name: `protocol: verify+decrypt ${size / 1024} KB push (vs wechat-crypto)`,
      value: oursRate,
      unit: 'ops/s',
      baseline: legacyRate,
      ratio: oursRate / legacyRate,
      goal: 'ratio ≥ 1.0',
    });
  }
  return rows;
}
