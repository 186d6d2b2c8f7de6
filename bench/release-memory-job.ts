/**
 * The measured console process: opens the profile release-memory-run prepared, runs one deploy job over every
 * mini-program in it (50 ms per WeChat call, concurrency 16) and samples its own resident set size throughout.
 */
import { text } from 'node:stream/consumers';
import { realProfileConfig } from '../src-main/core/app/app-config.js';
import { createApp } from '../src-main/core/app/create-app.js';
import type { ReleaseSettings } from '../src-main/core/release/release-settings.js';
import { memoryKeychain } from './seed-profile.js';

const mib = (bytes: number): number => bytes / 1024 / 1024;
const CONCURRENCY = 16;
const settings: Partial<ReleaseSettings> = {
  concurrency: CONCURRENCY,
  maxConcurrency: CONCURRENCY,
  buildItemList: false,
  auditPollMs: 3_600_000,
  rate: { perSecond: 1_000, burst: 64 },
};
const given = JSON.parse(await text(process.stdin)) as { keychain: Record<string, string>; appids: string[] };
const { appids } = given;
const keychain = memoryKeychain(given.keychain);

globalThis.gc?.();
// Node and the console's code before any fleet is open: what the process costs whatever the fleet size.
const bare = process.memoryUsage.rss();
const root = process.env.BENCH_ROOT!;
const app = await createApp(
  {
    ...realProfileConfig(root, 'bench', 'bench'),
    wechat: { baseUrl: process.env.BENCH_SIM_URL!, tuning: {} },
    release: settings,
  },
  { keychain, emit: () => undefined },
);
await app.start();
try {
  globalThis.gc?.();
  const idle = process.memoryUsage.rss();
  const idleHeap = process.memoryUsage().heapUsed;
  let peak = idle;
  let peakHeap = idleHeap;
  const sample = (): void => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const sampler = setInterval(sample, 10);
  const engine = app.services.release.engine;
  const start = performance.now();
  const job = await engine.start({
    templateId: Number(process.env.BENCH_TEMPLATE_ID),
    appids,
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
    if ((view.counts.auditing ?? 0) + failed === appids.length) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const wallMs = performance.now() - start;
  clearInterval(sampler);
  sample();
  console.log(
    JSON.stringify({
      count: appids.length,
      bareMiB: mib(bare),
      idleMiB: mib(idle),
      idleHeapMiB: mib(idleHeap),
      peakMiB: mib(peak),
      peakHeapMiB: mib(peakHeap),
      wallMs,
      failed,
    }),
  );
} finally {
  await app.stop();
}
