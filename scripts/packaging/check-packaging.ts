import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'electron-builder';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ICON_FILES, ICON_OUTPUT, ICON_SOURCE } from './generate-icons';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Config keys that name a file or folder electron-builder reads while packing. */
const INPUT_KEYS = [
  'afterPack',
  'afterSign',
  'beforePack',
  'linux.icon',
  'win.icon',
  'mac.icon',
  'mac.entitlements',
  'mac.entitlementsInherit',
  'nsis.installerIcon',
  'nsis.uninstallerIcon',
  'nsis.installerHeaderIcon',
  'nsis.include',
  'nsis.script',
  'nsis.license',
  'dmg.background',
  'dmg.icon',
] as const;

/**
 * What CI can check of the installers without Electron's binary: electron-builder's own schema validation of the
 * configuration, every input it names present (icons count when `npm run icons` renders them from the source SVG),
 * every native production dependency unpacked from the asar, and the update feed set at build time.
 */
export async function checkPackaging(projectDir = ROOT, configPath: string | null = null): Promise<string[]> {
  let config: Configuration;
  try {
    config = await getConfig(projectDir, configPath, null);
    await validateConfiguration(config, { isEnabled: false } as Parameters<typeof validateConfiguration>[1]);
  } catch (error) {
    return [`electron-builder configuration: ${error instanceof Error ? error.message : String(error)}`];
  }
  return [...missingInputs(config, projectDir), ...packedNativeModules(config, projectDir), ...feedProblems(config)];
}

function missingInputs(config: Configuration, projectDir: string): string[] {
  const buildResources = resolve(projectDir, config.directories?.buildResources ?? 'build');
  const problems = existsSync(buildResources) ? [] : [`directories.buildResources: ${buildResources} does not exist`];
  const generated = new Set(ICON_FILES.map((file) => join(ICON_OUTPUT, file)));
  for (const key of INPUT_KEYS) {
    const value = valueAt(config, key);
    if (typeof value !== 'string') continue;
    const candidates = [resolve(buildResources, value), resolve(projectDir, value)];
    if (candidates.some((path) => existsSync(path))) continue;
    if (
      candidates.some(
        (path) => generated.has(path) || ICON_FILES.some((f) => join(ICON_OUTPUT, f).startsWith(`${path}/`)),
      )
    ) {
      if (!existsSync(ICON_SOURCE)) problems.push(`${key}: ${value} is rendered from ${ICON_SOURCE}, which is missing`);
      continue;
    }
    problems.push(`${key}: ${value} does not exist (nor relative to ${relative(projectDir, buildResources)}/)`);
  }
  return problems;
}

/** A native module loaded from inside the asar fails at startup: each must match an `asarUnpack` pattern. */
function packedNativeModules(config: Configuration, projectDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const patterns = [config.asarUnpack ?? []].flat();
  return Object.keys(manifest.dependencies ?? {})
    .filter((name) => existsSync(join(projectDir, 'node_modules', name, 'binding.gyp')))
    .filter((name) => !patterns.some((p) => p.includes(`node_modules/${name}/`) || p.endsWith('*.node')))
    .map((name) => `asarUnpack: the native module ${name} would stay inside the asar archive`);
}

function feedProblems(config: Configuration): string[] {
  const feeds = [config.publish ?? []].flat();
  const generic = feeds.find((feed) => typeof feed === 'object' && feed !== null && feed.provider === 'generic');
  return generic === undefined ? ['publish: the generic update feed (set at build time) is missing'] : [];
}

function valueAt(config: Configuration, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | null)?.[part], config);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = await checkPackaging();
  for (const problem of problems) console.error(`packaging: ${problem}`);
  if (problems.length > 0) process.exit(1);
  console.log('packaging: electron-builder configuration valid, every input present');
}
