import { Resvg } from '@resvg/resvg-js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { encodeIcns, encodeIco, unpremultiply } from './icon-formats';
import type { RenderedIcon } from './icon-formats';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ICON_SOURCE = join(ROOT, 'resources/icon.svg');
/** Generated, never committed: electron-builder.yml points here. */
export const ICON_OUTPUT = join(ROOT, 'build/icons');

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** Every file `generateIcons` writes, relative to its output folder. */
export const ICON_FILES: readonly string[] = [
  'icon.ico',
  'icon.icns',
  'icon.png',
  ...LINUX_SIZES.map((size) => `png/${size}x${size}.png`),
];

/** Renders the one source SVG at every size each platform asks for and writes the icon files. */
export async function generateIcons(source = ICON_SOURCE, outDir = ICON_OUTPUT): Promise<string[]> {
  const svg = await readFile(source);
  const sizes = [...new Set<number>([...LINUX_SIZES, ...ICO_SIZES])].sort((a, b) => a - b);
  const rendered = new Map(sizes.map((size) => [size, render(svg, size)]));
  const pick = (list: readonly number[]): RenderedIcon[] => list.map((size) => rendered.get(size)!);

  await mkdir(join(outDir, 'png'), { recursive: true });
  const files = new Map<string, Buffer>([
    ['icon.ico', encodeIco(pick(ICO_SIZES))],
    ['icon.icns', encodeIcns(pick(sizes))],
    ['icon.png', rendered.get(1024)!.png],
    ...LINUX_SIZES.map((size): [string, Buffer] => [`png/${size}x${size}.png`, rendered.get(size)!.png]),
  ]);
  await Promise.all([...files].map(([name, data]) => writeFile(join(outDir, name), data)));
  return [...files.keys()];
}

function render(svg: Buffer, size: number): RenderedIcon {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
  if (image.width !== size || image.height !== size)
    throw new Error(`the icon SVG must be square (got ${image.width}×${image.height})`);
  return { size, rgba: unpremultiply(image.pixels), png: image.asPng() };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const written = await generateIcons();
  console.log(`icons: ${written.length} files in ${ICON_OUTPUT}`);
}
