import { randomBytes } from 'node:crypto';

const HEX = '0123456789abcdef';
let ridCounter = Math.floor(Math.random() * 0xffffff);
/** The third part identifies this simulator process, as WeChat's identifies a server. */
const ridNode = randomBytes(4).toString('hex');

/** WeChat-style request id, `6018c7f4-508ab3d0-1a934f75`; unique per process by its counter. */
export function newRid(nowSeconds: number): string {
  ridCounter = (ridCounter + 1) >>> 0;
  return `${(nowSeconds >>> 0).toString(16).padStart(8, '0')}-${ridCounter.toString(16).padStart(8, '0')}-${ridNode}`;
}

export function randomHex(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += HEX[bytes[i]! & 15];
  return out;
}

export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export function newAppid(): string {
  return `wx${randomHex(16)}`;
}

export function newGhId(): string {
  return `gh_${randomHex(12)}`;
}

export function randomDigits(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += String(bytes[i]! % 10);
  return out;
}
