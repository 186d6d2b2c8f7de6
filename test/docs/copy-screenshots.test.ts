import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyScreenshots } from '../../scripts/docs/copy-screenshots';

const made: string[] = [];
afterEach(() => Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))));

async function folders(screenshots: string[]) {
  const root = await mkdtemp(join(tmpdir(), 'wxfleet-docs-'));
  made.push(root);
  const f = { docs: join(root, 'docs'), from: join(root, 'shots'), to: join(root, 'docs/images') };
  await mkdir(join(f.docs, 'zh-CN'), { recursive: true });
  await mkdir(f.from, { recursive: true });
  await mkdir(f.to, { recursive: true });
  await writeFile(
    join(f.docs, 'zh-CN/guide.md'),
    '![a](../images/zh-CN-overview.png)\n![b](../images/zh-CN-ledger.png)\n',
  );
  await writeFile(join(f.to, 'zh-CN-old-page.png'), 'stale');
  for (const name of screenshots) await writeFile(join(f.from, name), name);
  return f;
}

describe('docs:screenshots', () => {
  it('copies exactly the screenshots the guide shows and drops images it no longer shows', async () => {
    const f = await folders(['zh-CN-overview.png', 'zh-CN-ledger.png', 'en-events.png']);
    await expect(copyScreenshots(f)).resolves.toEqual({
      copied: ['zh-CN-ledger.png', 'zh-CN-overview.png'],
      missing: [],
    });
    expect((await readdir(f.to)).sort()).toEqual(['zh-CN-ledger.png', 'zh-CN-overview.png']);
  });

  it('copies nothing and names what is missing when the end-to-end run did not produce a screenshot', async () => {
    const f = await folders(['zh-CN-overview.png']);
    await expect(copyScreenshots(f)).resolves.toEqual({ copied: [], missing: ['zh-CN-ledger.png'] });
    expect(await readdir(f.to)).toEqual(['zh-CN-old-page.png']);
  });
});
