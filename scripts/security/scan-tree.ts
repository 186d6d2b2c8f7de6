import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** What ships to the Electron window: the shell (main, preload) and the renderer, plus the package manifest. */
export const SCANNED = ['src-main/shell', 'src-renderer', 'package.json'] as const;

const SKIPPED = /\.test\.ts$|\/testing\//;

/**
 * Copies what the scan covers into `into`, keeping repository paths. Electronegativity reads .ts and .html but not
 * .vue, so each single-file component becomes `X.vue.ts` (its script) and `X.vue.html` (its template), every other
 * line blanked so findings keep the component's line numbers.
 */
export async function buildScanTree(root: string, into: string): Promise<void> {
  for (const entry of SCANNED) {
    for (const file of await filesUnder(join(root, entry))) {
      const path = relative(root, file);
      if (SKIPPED.test(path)) continue;
      const target = join(into, path);
      await mkdir(dirname(target), { recursive: true });
      if (!path.endsWith('.vue')) {
        await cp(file, target);
        continue;
      }
      const source = await readFile(file, 'utf8');
      await writeFile(`${target}.ts`, keepBlock(source, 'script'));
      await writeFile(`${target}.html`, keepBlock(source, 'template'));
    }
  }
}

/** Maps a scanned file back to the repository file it came from. */
export function sourcePathOf(scannedPath: string): string {
  return scannedPath.replace(/\.vue\.(ts|html)$/, '.vue');
}

/** The content of every top-level `<tag …>…</tag>` block; all other lines (and the tag lines) left empty. */
export function keepBlock(source: string, tag: 'script' | 'template'): string {
  let depth = 0;
  return source
    .split('\n')
    .map((line) => {
      const opens = new RegExp(`^<${tag}[\\s>]`).test(line);
      const closes = line.startsWith(`</${tag}>`);
      if (opens) depth++;
      const keep = depth > 0 && !opens && !closes;
      if (closes) depth--;
      return keep ? line : '';
    })
    .join('\n');
}

export async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return null;
    throw error;
  });
  if (entries === null) return [path];
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? filesUnder(join(path, entry.name)) : [join(path, entry.name)])),
  );
  return nested.flat();
}
