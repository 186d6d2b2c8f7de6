/**
 * One console process running one deploy job over `count` mini-programs (50 ms per WeChat call, concurrency 16),
 * sampling its own resident set size throughout. Run by memory.bench.ts in a process of its own, so the figure is
 * the console's alone; prints one JSON line.
 */
import type { ReleaseSettings } from '../src-main/core/release/release-settings.js';
import { control, releaseWorld } from './release-harness.js';

const count = Number(process.argv[2]);
const CONCURRENCY = 16;
const settings: Partial<ReleaseSettings> = {
  concurrency: CONCURRENCY,
  maxConcurrency: CONCURRENCY,
  buildItemList: false,
  auditPollMs: 3_600_000,
  rate: { perSecond: 1_000, burst: 64 },
};
const mib = (bytes: number): number => bytes / 1024 / 1024;

globalThis.gc?.();
// Node, tsx and the loaded modules before any fleet exists: what the process costs whatever the fleet size.
const bare = process.memoryUsage.rss();
const world = await releaseWorld(count, settings);
try {
  const engine = world.app.services.release.engine;
  await control(world.sim, 'POST', '/faults', { path: '*', kind: 'latency', latencyMs: 50 });
  globalThis.gc?.();
  const idle = process.memoryUsage.rss();
  const idleHeap = process.memoryUsage().heapUsed;
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const start = performance.now();
  const job = await engine.start({
    templateId: world.templateId,
    appids: world.all,
    userVersion: '9.0.0',
    userDesc: 'bench',
    canary: 0,
    autoRelease: false,
    concurrency: CONCURRENCY,
  });
  let failed = 0;
  for (;;) {
    const view = engine.get(job.id);
    failed = view.counts.failed ?? 0;
    if ((view.counts.auditing ?? 0) + failed === count) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const wallMs = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  console.log(
    JSON.stringify({
      count,
      bareMiB: mib(bare),
      idleMiB: mib(idle),
      idleHeapMiB: mib(idleHeap),
      peakMiB: mib(peak),
      wallMs,
      failed,
    }),
  );
} finally {
  await world.close();
}
