import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GATING, judge, parseAllowlist } from './allowlist';
import type { AllowEntry } from './allowlist';
import { scanWithElectronegativity } from './electronegativity';
import type { Finding } from './electronegativity';
import { buildScanTree, filesUnder, sourcePathOf } from './scan-tree';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ALLOWLIST = join(ROOT, 'scripts/security/electronegativity-allowlist.txt');

export interface GateResult {
  findings: Finding[];
  unexplained: Finding[];
  stale: AllowEntry[];
  /** Anything that stops the gate from vouching for the scan: unparsed files, inline disables, a bad allowlist. */
  problems: string[];
}

/**
 * The security gate of `npm run lint`: Electronegativity over the shell and the renderer, read finding by finding
 * (it exits 0 whatever it finds), against the reviewed allowlist.
 */
export async function runSecurityGate(root = ROOT, allowlistPath = ALLOWLIST): Promise<GateResult> {
  const tree = await mkdtemp(join(tmpdir(), 'wxfleet-electronegativity-'));
  try {
    await buildScanTree(root, tree);
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      devDependencies?: Record<string, string>;
    };
    const scan = await scanWithElectronegativity(tree, manifest.devDependencies?.['electron'] ?? '');
    const findings = scan.findings.map((finding) => ({ ...finding, file: sourcePathOf(finding.file) }));
    const { entries, problems } = parseAllowlist(await readFile(allowlistPath, 'utf8'));
    problems.push(...scan.unparsed.map(({ file, message }) => `not scanned, could not parse ${file}: ${message}`));
    problems.push(...(await inlineDisables(tree)));
    return { findings, ...judge(findings, entries), problems };
  } finally {
    await rm(tree, { recursive: true, force: true });
  }
}

/** Electronegativity honours `eng-disable` comments; a finding silenced in code would bypass the review. */
async function inlineDisables(tree: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await filesUnder(tree))
    if ((await readFile(file, 'utf8')).includes('eng-disable'))
      found.push(`${sourcePathOf(relative(tree, file))} has an eng-disable comment; list the finding in the allowlist`);
  return found;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { findings, unexplained, stale, problems } = await runSecurityGate();
  for (const f of unexplained)
    console.error(
      `security: ${f.severity} ${f.id} at ${f.file}:${f.line} (${f.confidence}): ${f.description} ${f.url}`,
    );
  for (const entry of stale)
    console.error(
      `security: allowlist entry no longer matches, remove it: ${entry.id} | ${entry.file} | ${entry.sample}`,
    );
  for (const problem of problems) console.error(`security: ${problem}`);
  if (unexplained.length + stale.length + problems.length > 0) process.exit(1);
  const kept = findings.filter((f) => GATING.has(f.severity)).length;
  console.log(`security: Electronegativity found no new HIGH or MEDIUM finding (${kept} reviewed in the allowlist)`);
}
