import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import QRCode from 'qrcode';

type Rgb = readonly [number, number, number];

function rgbaCanvas(width: number, height: number, fill: Rgb): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = fill[0];
    data[i * 4 + 1] = fill[1];
    data[i * 4 + 2] = fill[2];
    data[i * 4 + 3] = 255;
  }
  return data;
}

function fillRect(data: Buffer, width: number, x0: number, y0: number, w: number, h: number, color: Rgb): void {
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const i = (y * width + x) * 4;
      data[i] = color[0];
      data[i + 1] = color[1];
      data[i + 2] = color[2];
    }
  }
}

/** A real JPEG of a real QR code for `text` (what /wxa/get_qrcode returns). */
export function qrJpeg(text: string): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const scale = 8;
  const margin = 4 * scale;
  const size = modules * scale + 2 * margin;
  const data = rgbaCanvas(size, size, [255, 255, 255]);
  for (let row = 0; row < modules; row++) {
    for (let col = 0; col < modules; col++) {
      if (qr.modules.get(row, col))
        fillRect(data, size, margin + col * scale, margin + row * scale, scale, scale, [0, 0, 0]);
    }
  }
  return jpeg.encode({ width: size, height: size, data }, 85).data;
}

function chunk(type: string, payload: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(payload.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), payload]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit, colour type 6, no filtering). */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PALETTE: Rgb[] = [
  [230, 92, 76],
  [242, 153, 74],
  [46, 160, 112],
  [52, 120, 220],
  [142, 96, 204],
  [0, 150, 160],
  [214, 72, 140],
  [96, 125, 139],
];

/** A deterministic identicon-style avatar (5×5 symmetric blocks on a coloured field). */
export function avatarPng(seed: string, size = 132): Buffer {
  const hash = createHash('sha256').update(seed).digest();
  const color = PALETTE[hash[0]! % PALETTE.length]!;
  const data = rgbaCanvas(size, size, [248, 248, 248]);
  const cell = Math.floor(size / 6);
  const offset = Math.floor((size - cell * 5) / 2);
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 3; col++) {
      if ((hash[1 + row * 3 + col]! & 1) === 0) continue;
      fillRect(data, size, offset + col * cell, offset + row * cell, cell, cell, color);
      fillRect(data, size, offset + (4 - col) * cell, offset + row * cell, cell, cell, color);
    }
  }
  return encodePng(size, size, data);
}

/** A phone-shaped JPEG standing in for an audit screenshot, with a red box where the reviewer objected. */
export function screenshotJpeg(seed: string): Buffer {
  const width = 180;
  const height = 320;
  const hash = createHash('sha256').update(seed).digest();
  const data = rgbaCanvas(width, height, [245, 245, 245]);
  fillRect(data, width, 0, 0, width, 28, [40, 40, 40]);
  for (let i = 0; i < 6; i++) fillRect(data, width, 12, 44 + i * 44, width - 24, 30, [220, 220, 220]);
  const y = 44 + (hash[0]! % 6) * 44;
  fillRect(data, width, 8, y - 4, width - 16, 4, [220, 30, 30]);
  fillRect(data, width, 8, y + 30, width - 16, 4, [220, 30, 30]);
  return jpeg.encode({ width, height, data }, 80).data;
}
