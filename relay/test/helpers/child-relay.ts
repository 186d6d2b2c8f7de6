import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_TOKEN } from './pusher.js';
import { sweepStale } from './relay-fixture.js';

const relayRoot = fileURLToPath(new URL('../..', import.meta.url));
let bundle: string | undefined;

/** The deployable bundle (relay/scripts/build.mjs), built once per test process into a temp file. */
export function relayBundle(): string {
  if (bundle !== undefined && existsSync(bundle)) return bundle;
  // Inside relay/ so the external better-sqlite3 resolves from the workspace's node_modules.
  bundle = join(relayRoot, 'dist', `.test-cli-${process.pid}.mjs`);
  execFileSync(process.execPath, [join(relayRoot, 'scripts/build.mjs'), bundle], { stdio: 'inherit' });
  sweepStale(join(relayRoot, 'dist'), '.test-cli-');
  return bundle;
}

export function runCli(
  args: string[],
  env: Record<string, string> = {},
): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [relayBundle(), ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

export interface ChildRelay {
  proc: ChildProcess;
  url: string;
  /** Everything the process wrote to stdout and stderr so far (its log lines). */
  output(): string;
  /** Resident set now and at its peak (VmHWM), in MiB, from /proc. */
  memory(): { rssMiB: number; peakMiB: number };
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function spawnRelay(
  dataDir: string,
  port: number,
  extra: string[] = [],
  bundlePath = relayBundle(),
): Promise<ChildRelay> {
  const args = [
    bundlePath,
    'serve',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--data-dir',
    dataDir,
    '--public-url',
    'http://127.0.0.1',
    '--wechat-token',
    TEST_TOKEN,
    '--log-level',
    'warn',
    ...extra,
  ];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let out = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m !== null) resolve(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`relay exited with ${code}: ${stderr}`)));
  });
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const memory = (): { rssMiB: number; peakMiB: number } => {
    const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
    return { rssMiB: kb('VmRSS'), peakMiB: kb('VmHWM') };
  };
  return {
    proc,
    url,
    output: () => out + stderr,
    memory,
    kill9: async () => {
      proc.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      proc.kill('SIGTERM');
      await exited;
    },
  };
}
