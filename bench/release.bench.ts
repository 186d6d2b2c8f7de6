import { systemClock } from '../src-main/core/platform/clock/clock.js';
import { wireRelease } from '../src-main/core/app/wire-release.js';
import type { JobEngine } from '../src-main/core/release/jobs/job-engine.js';
import type { Ledger } from '../src-main/core/release/ledger/ledger.js';
import type { ReleaseSettings } from '../src-main/core/release/release-settings.js';
import type { BenchRow } from './bench-row.js';
import { control, releaseWorld } from './release-harness.js';

const APPS = 1000;
const SEQUENTIAL_SAMPLE = 50;
const LATENCY_MS = 50;
const CONCURRENCY = 16;

export async function run(): Promise<BenchRow[]> {
  const settings: Partial<ReleaseSettings> = {
    concurrency: CONCURRENCY,
    maxConcurrency: CONCURRENCY,
    buildItemList: false,
    auditPollMs: 3_600_000,
    rate: { perSecond: 1_000, burst: 64 },
  };
  const world = await releaseWorld(2 * APPS + SEQUENTIAL_SAMPLE, settings);
  const { app, sim, all, templateId } = world;
  const stack = app.services.wechat;
  try {
    const sample = all.slice(2 * APPS);
    await control(sim, 'POST', '/faults', { path: '*', kind: 'latency', latencyMs: LATENCY_MS });

    // Sequential baseline: the loop agencies run today, on a sample.
    const seqStart = performance.now();
    for (const appid of sample) {
      const extJson = JSON.stringify({ extEnable: true, extAppid: appid, ext: { shop: appid } });
      await stack.api.commit(appid, {
        template_id: templateId,
        ext_json: extJson,
        user_version: '9.0.0',
        user_desc: 'seq',
      });
      await stack.api.getCodePrivacyInfo(appid);
      await stack.api.submitAudit(appid, {});
    }
    const sequentialPerApp = (performance.now() - seqStart) / SEQUENTIAL_SAMPLE;

    const measure = (appids: string[], engine: JobEngine) => world.measure(appids, engine, CONCURRENCY);
    // The job engine alone: the app's release side wired again over a ledger that keeps nothing.
    const nullLedger: Ledger = {
      record: async () => ({}) as never,
      list: async () => [],
      entries: () => [],
      appids: () => [],
      extJsonText: () => null,
    };
    const stubbed = wireRelease({
      ...app.services,
      api: stack.api,
      ledger: nullLedger,
      emit: () => undefined,
      settings,
      random: Math.random,
      row: (appid) => app.services.fleet.row(appid),
      clock: systemClock,
    });
    const engine = await measure(all.slice(0, APPS), stubbed.engine);
    stubbed.stop();
    await app.services.tasks.drain();
    const full = await measure(all.slice(APPS, 2 * APPS), app.services.release.engine);
    const bound = (calls: number): number => (calls * LATENCY_MS) / CONCURRENCY;
    const sequential = sequentialPerApp * APPS;
    const rssMb = process.resourceUsage().maxRSS / 1024;
    const name = `${APPS} apps, ${LATENCY_MS} ms/call, concurrency ${CONCURRENCY}`;
    return [
      {
        name: `release: commit+submit ${name} (job engine; ledger stubbed)`,
        value: engine.wall,
        unit: 'ms',
        baseline: bound(engine.calls),
        ratio: bound(engine.calls) / engine.wall,
        goal: 'ratio ≥ 0.83 (within 1.2× of calls × latency ÷ concurrency)',
      },
      {
        name: `release: commit+submit ${name} (with the version ledger on disk)`,
        value: full.wall,
        unit: 'ms',
        baseline: bound(full.calls),
        ratio: bound(full.calls) / full.wall,
        goal: 'ratio ≥ 0.83',
      },
      {
        name: `release: sequential loop (measured on ${SEQUENTIAL_SAMPLE} apps, scaled to ${APPS})`,
        value: sequential,
        unit: 'ms',
        baseline: engine.wall,
        ratio: sequential / engine.wall,
        goal: 'ratio ≥ 12 (job engine that much faster)',
      },
      {
        name: 'release: sequential vs job with the ledger on disk',
        value: sequential,
        unit: 'ms',
        baseline: full.wall,
        ratio: sequential / full.wall,
        goal: 'ratio ≥ 12',
      },
      {
        name: 'release: API calls per mini-program',
        value: engine.calls / APPS,
        unit: 'calls',
        goal: 'commit, get_code_privacy_info, submit_audit',
      },
      {
        name: 'release: token calls during the jobs',
        value: engine.tokenCalls + full.tokenCalls,
        unit: 'calls',
        goal: '0 (no redundant token call)',
      },
      { name: 'release: peak RSS of the console process (simulator in its own process)', value: rssMb, unit: 'MiB' },
    ];
  } finally {
    await world.close();
  }
}
