/**
 * The two icon containers the installers need, written from images rendered at each size (nothing is scaled here):
 * Windows `.ico` and macOS `.icns`.
 */

/** One rendered size: straight (not premultiplied) RGBA pixels and the same image as PNG. */
export interface RenderedIcon {
  size: number;
  rgba: Buffer;
  png: Buffer;
}

/**
 * `.ico`: 256 px as PNG (Vista and later), smaller sizes as 32-bit BMP, which every consumer (NSIS, Explorer,
 * the taskbar) reads.
 */
export function encodeIco(icons: readonly RenderedIcon[]): Buffer {
  const images = icons.map((icon) => (icon.size >= 256 ? icon.png : bmpImage(icon)));
  const header = Buffer.alloc(6 + 16 * icons.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(icons.length, 4);
  let offset = header.length;
  icons.forEach((icon, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(icon.size >= 256 ? 0 : icon.size, entry); // 0 means 256
    header.writeUInt8(icon.size >= 256 ? 0 : icon.size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(images[index]!.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += images[index]!.length;
  });
  return Buffer.concat([header, ...images]);
}

/** A BITMAPINFOHEADER image: bottom-up BGRA rows, then the 1-bit AND mask (set where fully transparent). */
function bmpImage({ size, rgba }: RenderedIcon): Buffer {
  const maskRowBytes = Math.ceil(size / 32) * 4;
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(size, 4);
  info.writeInt32LE(size * 2, 8); // colour rows plus mask rows
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  info.writeUInt32LE(size * size * 4 + maskRowBytes * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskRowBytes * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y;
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels[to] = rgba[from + 2]!;
      pixels[to + 1] = rgba[from + 1]!;
      pixels[to + 2] = rgba[from]!;
      pixels[to + 3] = rgba[from + 3]!;
      if (rgba[from + 3] === 0) mask[row * maskRowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([info, pixels, mask]);
}

/** The PNG-bearing `.icns` types, by the pixel size each holds (the @2x types hold the doubled size). */
export const ICNS_TYPES: ReadonlyArray<readonly [type: string, size: number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

/** `.icns`: a big-endian container of typed PNG entries. */
export function encodeIcns(icons: readonly RenderedIcon[]): Buffer {
  const bySize = new Map(icons.map((icon) => [icon.size, icon.png]));
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = bySize.get(size);
    if (png === undefined) throw new Error(`.icns needs a ${size} px rendering for ${type}`);
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([header, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + entries.reduce((total, entry) => total + entry.length, 0), 4);
  return Buffer.concat([header, ...entries]);
}

/** resvg hands out premultiplied RGBA; BMP wants it straight. */
export function unpremultiply(premultiplied: Buffer): Buffer {
  const straight = Buffer.from(premultiplied);
  for (let i = 0; i < straight.length; i += 4) {
    const alpha = straight[i + 3]!;
    if (alpha === 0 || alpha === 255) continue;
    for (let c = 0; c < 3; c++) straight[i + c] = Math.min(255, Math.round((straight[i + c]! * 255) / alpha));
  }
  return straight;
}
