import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { http } from './helpers.js';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
// The CLI runs in plain node, where @wxfleet/protocol resolves to protocol/dist (npm run build:protocol).
const protocolBuilt = existsSync(fileURLToPath(new URL('../../protocol/dist/index.js', import.meta.url)));

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe.skipIf(!protocolBuilt)('wxfleet-sim CLI', () => {
  test('--json prints exactly one JSON line, serves, and stops cleanly on SIGTERM', async () => {
    const proc = run(['--json', '--port', '0', '--seed', 'demo', '--control-key', 'cli-test-key-1']);
    const deadline = Date.now() + 15_000;
    while (!proc.out().includes('\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const lines = proc.out().trim().split('\n');
    expect(lines).toHaveLength(1);
    const info = JSON.parse(lines[0]!) as { url: string; controlKey: string; platform: Record<string, string> };
    expect(info.controlKey).toBe('cli-test-key-1');
    expect(Object.keys(info.platform).sort()).toEqual([
      'componentAppid',
      'componentAppsecret',
      'encodingAESKey',
      'token',
    ]);
    const state = await http(`${info.url}/__sim/state`, { headers: { 'X-Sim-Key': info.controlKey } });
    expect((state.json['merchants'] as unknown[]).length).toBe(14);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
  });

  test('an unknown config key is an error naming the key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wxfleet-sim-'));
    const file = join(dir, 'config.json');
    await writeFile(file, JSON.stringify({ latency: 5 }));
    const proc = run(['--config', file]);
    expect(await proc.exited).toBe(1);
    expect(proc.err()).toContain('unknown config key "latency"');
  });
});
