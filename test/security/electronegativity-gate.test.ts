import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSecurityGate } from '../../scripts/security/electronegativity-gate';
import { SCANNED } from '../../scripts/security/scan-tree';

const ROOT = join(import.meta.dirname, '../..');
const copies: string[] = [];
afterEach(async () => {
  await Promise.all(copies.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of what the gate scans, with seeded changes: `edit(file, from, to)` replaces text that must be there. */
async function seededCopy(...edits: Array<[file: string, from: string, to: string]>): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'wxfleet-gate-'));
  copies.push(copy);
  for (const entry of SCANNED) await cp(join(ROOT, entry), join(copy, entry), { recursive: true });
  for (const [file, from, to] of edits) {
    const text = await readFile(join(copy, file), 'utf8');
    expect(text).toContain(from);
    await writeFile(join(copy, file), text.replace(from, to));
  }
  return copy;
}

/** The 1-based line of the copy's file that contains `text`. */
async function lineOf(copy: string, file: string, text: string): Promise<number> {
  return (await readFile(join(copy, file), 'utf8')).split('\n').findIndex((line) => line.includes(text)) + 1;
}

const ids = (findings: Array<{ id: string; file: string; line: number }>): string[] =>
  findings.map((f) => `${f.id} ${f.file}:${f.line}`).sort();

describe('Electronegativity gate (runs in npm run lint)', () => {
  it('passes the shell and renderer as committed, every kept finding reviewed in the allowlist', async () => {
    const result = await runSecurityGate(await seededCopy());
    expect(result).toMatchObject({ unexplained: [], stale: [], problems: [] });
    expect(result.findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')).toHaveLength(2);
  });

  it('fails on a weakened window and on a webview in a component template, with their lines', async () => {
    const copy = await seededCopy(
      ['src-main/shell/window-factory.ts', 'contextIsolation: true', 'contextIsolation: false'],
      [
        'src-renderer/src/pages/EventsPage.vue',
        '<template>\n',
        '<template>\n  <webview src="https://x.example/" nodeintegration></webview>\n',
      ],
    );
    const { unexplained, stale, problems } = await runSecurityGate(copy);
    const vue = 'src-renderer/src/pages/EventsPage.vue';
    const webview = await lineOf(copy, vue, '<webview');
    const isolation = await lineOf(copy, 'src-main/shell/window-factory.ts', 'contextIsolation: false');
    expect(ids(unexplained)).toEqual([
      `AUXCLICK_HTML_CHECK ${vue}:${webview}`,
      `CONTEXT_ISOLATION_JS_CHECK src-main/shell/window-factory.ts:${isolation}`,
      `NODE_INTEGRATION_HTML_CHECK ${vue}:${webview}`,
    ]);
    expect([stale, problems]).toEqual([[], []]);
  });

  it('fails when an allowed call changes, and on a finding silenced in code instead of the allowlist', async () => {
    const copy = await seededCopy(
      [
        'src-main/shell/external-link-opener.ts',
        'await shell.openExternal(url);',
        'await shell.openExternal(url.trim());',
      ],
      [
        'src-main/shell/window-factory.ts',
        '      preload: preloadPath,',
        '      preload: preloadPath, /* eng-disable PRELOAD_JS_CHECK */',
      ],
    );
    const { unexplained, stale, problems } = await runSecurityGate(copy);
    const opener = 'src-main/shell/external-link-opener.ts';
    const call = await lineOf(copy, opener, 'shell.openExternal(url.trim())');
    expect(ids(unexplained)).toEqual([`OPEN_EXTERNAL_JS_CHECK ${opener}:${call}`]);
    expect(stale.map((entry) => entry.id).sort()).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'PRELOAD_JS_CHECK']);
    expect(problems).toEqual([
      'src-main/shell/window-factory.ts has an eng-disable comment; list the finding in the allowlist',
    ]);
  });
});
