import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPackaging } from '../../scripts/packaging/check-packaging';

const ROOT = join(import.meta.dirname, '../..');
let scratch: string;
let realConfig: string;

/** The real electron-builder.yml with one seeded change, written beside the test's scratch files. */
async function seeded(name: string, from: string, to: string): Promise<string> {
  expect(realConfig).toContain(from);
  const path = join(scratch, `${name}.yml`);
  await writeFile(path, realConfig.replace(from, to));
  return path;
}

describe('packaging check (runs in npm run lint)', () => {
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'wxfleet-packaging-'));
    realConfig = await readFile(join(ROOT, 'electron-builder.yml'), 'utf8');
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('passes the configuration as committed', async () => {
    await expect(checkPackaging(ROOT)).resolves.toEqual([]);
  });

  it("fails on an option electron-builder's schema does not know", async () => {
    const problems = await checkPackaging(ROOT, await seeded('top', 'appId: com.wxfleet.console', 'appID: x'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/electron-builder configuration: .*unknown property 'appID'/s);
  });

  it('fails on a misspelt option inside a target', async () => {
    const problems = await checkPackaging(ROOT, await seeded('nsis', '  oneClick: false', '  oneClik: false'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/electron-builder configuration: .*configuration\.nsis/s);
  });

  it('fails on an input that does not exist', async () => {
    const entitlements = 'build/entitlements.mac.plist';
    const config = await seeded(
      'missing',
      `  entitlements: ${entitlements}`,
      '  entitlements: build/entitlements.plist',
    );
    await expect(checkPackaging(ROOT, config)).resolves.toEqual([
      'mac.entitlements: build/entitlements.plist does not exist (nor relative to build/)',
    ]);
  });

  it('fails on an icon path the icon generator does not produce', async () => {
    const config = await seeded('icon', '  icon: build/icons/icon.icns', '  icon: build/icons/wxfleet.icns');
    await expect(checkPackaging(ROOT, config)).resolves.toEqual([
      'mac.icon: build/icons/wxfleet.icns does not exist (nor relative to build/)',
    ]);
  });

  it('fails on a hook file that is not there', async () => {
    const config = await seeded('hook', 'afterPack: ./scripts/packaging/after-pack.ts', 'afterPack: ./build/fuses.js');
    await expect(checkPackaging(ROOT, config)).resolves.toEqual([
      'afterPack: ./build/fuses.js does not exist (nor relative to build/)',
    ]);
  });

  it('fails when a native production dependency would stay inside the asar', async () => {
    const project = join(scratch, 'project');
    await mkdir(join(project, 'node_modules/keytar'), { recursive: true });
    await mkdir(join(project, 'build'), { recursive: true });
    await writeFile(join(project, 'node_modules/keytar/binding.gyp'), '{}');
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'x', dependencies: { keytar: '7' } }));
    const config = join(project, 'electron-builder.yml');
    await writeFile(config, 'appId: x.y\npublish:\n  provider: generic\n  url: https://example.com/\n');
    await expect(checkPackaging(project, config)).resolves.toEqual([
      'asarUnpack: the native module keytar would stay inside the asar archive',
    ]);
  });
});
