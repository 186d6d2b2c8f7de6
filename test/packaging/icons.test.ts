import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICNS_TYPES } from '../../scripts/packaging/icon-formats';
import { ICON_FILES, ICON_SOURCE, LINUX_SIZES, generateIcons } from '../../scripts/packaging/generate-icons';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngSize = (png: Buffer): [number, number] => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('icons rendered from resources/icon.svg', () => {
  let out: string;
  let written: string[];
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'wxfleet-icons-'));
    written = await generateIcons(ICON_SOURCE, out);
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('writes every file electron-builder.yml names', () => {
    expect(written.sort()).toEqual([...ICON_FILES].sort());
  });

  it('renders each Linux size from the SVG at that size', async () => {
    for (const size of LINUX_SIZES) {
      const png = await readFile(join(out, `png/${size}x${size}.png`));
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(pngSize(png)).toEqual([size, size]);
    }
  });

  it('writes a Windows .ico: 256 px as PNG, the smaller sizes as bottom-up BGRA bitmaps with a mask', async () => {
    const ico = await readFile(join(out, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const at = 6 + 16 * i;
      const size = ico.readUInt8(at) || 256;
      const data = ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8));
      return { size, data };
    });
    expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    expect(entries.at(-1)!.data.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(entries.at(-1)!.data)).toEqual([256, 256]);

    const { data } = entries.find((e) => e.size === 48)!;
    expect([data.readUInt32LE(0), data.readInt32LE(4), data.readInt32LE(8), data.readUInt16LE(14)]).toEqual([
      40, 48, 96, 32,
    ]);
    const pixel = (x: number, y: number): number[] => {
      const at = 40 + ((48 - 1 - y) * 48 + x) * 4; // rows are stored bottom-up
      return [...data.subarray(at, at + 4)];
    };
    const masked = (x: number, y: number): boolean =>
      (data[40 + 48 * 48 * 4 + (48 - 1 - y) * 8 + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
    // The SVG's geometry: a white mini-program circle at the top centre, a transparent margin in the corner.
    expect(pixel(24, 12)).toEqual([255, 255, 255, 255]);
    expect(pixel(0, 0)[3]).toBe(0);
    expect(masked(0, 0)).toBe(true);
    expect(masked(24, 12)).toBe(false);
  });

  it('writes a macOS .icns whose typed entries hold PNGs of their own size', async () => {
    const icns = await readFile(join(out, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Array<[string, number]> = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      const png = icns.subarray(at + 8, at + icns.readUInt32BE(at + 4));
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      found.push([icns.subarray(at, at + 4).toString('ascii'), pngSize(png)[0]]);
    }
    expect(found).toEqual(ICNS_TYPES);
  });
});
