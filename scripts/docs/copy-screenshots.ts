import { copyFile, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ScreenshotFolders {
  /** The guide: every `../images/NAME.png` in its Markdown is a screenshot it needs. */
  docs: string;
  /** Where the end-to-end test writes its screenshots (test/e2e/helpers.ts). */
  from: string;
  /** The guide's images folder. */
  to: string;
}

const DEFAULT_FOLDERS: ScreenshotFolders = {
  docs: join(ROOT, 'docs'),
  from: join(ROOT, 'test-artifacts/screenshots'),
  to: join(ROOT, 'docs/images'),
};

/**
 * Copies the screenshots the guide shows from the last end-to-end run, and removes images the guide no longer
 * shows. Returns the names it could not find: run `bash scripts/with-keyring.sh npx vitest run test/e2e` first.
 */
export async function copyScreenshots(folders = DEFAULT_FOLDERS): Promise<{ copied: string[]; missing: string[] }> {
  const wanted = await referencedImages(folders.docs);
  const available = new Set(await readdir(folders.from).catch(() => []));
  const missing = [...wanted].filter((name) => !available.has(name));
  if (missing.length > 0) return { copied: [], missing };
  await mkdir(folders.to, { recursive: true });
  for (const name of await readdir(folders.to))
    if (name.endsWith('.png') && !wanted.has(name)) await rm(join(folders.to, name));
  for (const name of wanted) await copyFile(join(folders.from, name), join(folders.to, name));
  return { copied: [...wanted].sort(), missing };
}

async function referencedImages(docs: string): Promise<Set<string>> {
  const names = new Set<string>();
  const entries = await readdir(docs, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith('.md'))) {
    const text = await readFile(join(entry.parentPath, entry.name), 'utf8');
    for (const match of text.matchAll(/\]\(\.\.\/images\/([\w.-]+\.png)\)/g)) names.add(match[1]!);
  }
  return names;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { copied, missing } = await copyScreenshots();
  if (missing.length > 0) {
    console.error(`docs: the last end-to-end run has no ${missing.join(', ')} in test-artifacts/screenshots/`);
    console.error('Run `bash scripts/with-keyring.sh npx vitest run test/e2e` first, then this again.');
    process.exit(1);
  }
  console.log(`docs: ${copied.length} screenshots copied into docs/images/`);
}
