/**
 * Sets up a fleet of `count` mini-programs (simulator in its own process, onboarding through the console), stops
 * that console, then starts a fresh console process over the same profile (release-memory-job) to run one deploy
 * job: the measured process never held the onboarding's garbage. Run by memory.bench.ts; prints one JSON line.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReleaseSettings } from '../src-main/core/release/release-settings.js';
import { control, releaseWorld } from './release-harness.js';

const count = Number(process.argv[2]);
const jobScript = fileURLToPath(
  new URL(`./release-memory-job.${import.meta.url.endsWith('.ts') ? 'ts' : 'mjs'}`, import.meta.url),
);
const settings: Partial<ReleaseSettings> = {
  concurrency: 16,
  maxConcurrency: 16,
  buildItemList: false,
  auditPollMs: 3_600_000,
  rate: { perSecond: 1_000, burst: 64 },
};

const world = await releaseWorld(count, settings);
try {
  await world.app.stop();
  await control(world.sim, 'POST', '/faults', { path: '*', kind: 'latency', latencyMs: 50 });
  const loader = jobScript.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, ['--expose-gc', ...loader, jobScript], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: {
      ...process.env,
      BENCH_ROOT: world.root,
      BENCH_SIM_URL: world.sim.url,
      BENCH_TEMPLATE_ID: String(world.templateId),
    },
  });
  // The master key goes over a pipe, never to disk; the appids are too many for the environment.
  child.stdin.end(JSON.stringify({ keychain: world.keychain.entries(), appids: world.all }));
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the job process exited with ${code}`);
  process.stdout.write(out);
} finally {
  await world.close();
}
