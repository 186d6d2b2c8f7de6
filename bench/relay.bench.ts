import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { BenchRow } from './bench-row.js';
import { dedupeKey } from '../relay/src/store/event-store.js';
import type { NewEvent } from '../relay/src/store/event-store.js';
import { openStore } from '../relay/src/store/relay-store.js';
import { freePort, spawnRelay } from '../relay/test/helpers/child-relay.js';
import type { ChildRelay } from '../relay/test/helpers/child-relay.js';
import { DeviceClient } from '../relay/test/helpers/device-client.js';
import { ticketKind } from '../relay/test/helpers/push-kinds.js';
import { WeChatPusher } from '../relay/test/helpers/pusher.js';
import { tempDir } from '../relay/test/helpers/relay-fixture.js';

const LOAD_SECONDS = 4;
const BACKLOG = 50_000;

interface LoadResult {
  throughput: number;
  p50: number;
  p99: number;
  failures: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Open-loop load: `rate` signed pushes per second for LOAD_SECONDS, each timed until its `success`. */
async function offer(url: string, rate: number): Promise<LoadResult> {
  const pusher = new WeChatPusher(url, { retries: 0 });
  const total = rate * LOAD_SECONDS;
  const pushes = Array.from({ length: total }, (_, i) =>
    pusher.sign(ticketKind.inner(1718000000, `bench-${rate}-${i}-${Math.random()}`), 'component'),
  );
  const latencies: number[] = [];
  let failures = 0;
  const inflight: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    for (; sent < due; sent++) {
      const push = pushes[sent]!;
      const t0 = performance.now();
      inflight.push(
        pusher.post(push.path, push.body).then((r) => {
          if (r.body === 'success') latencies.push(performance.now() - t0);
          else failures++;
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - started) / 1000;
  pusher.close();
  latencies.sort((a, b) => a - b);
  return {
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
  };
}

/** Closed loop: `senders` clients each send the next push as soon as the last one got its answer. */
async function saturate(url: string, senders = 64, seconds = 3): Promise<number> {
  const pusher = new WeChatPusher(url, { retries: 0 });
  const pushes = Array.from({ length: 4_000 * seconds }, (_, i) =>
    pusher.sign(ticketKind.inner(1718000000, `max-${i}-${Math.random()}`), 'component'),
  );
  let next = 0;
  let ok = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (performance.now() < deadline && next < pushes.length) {
        const push = pushes[next++]!;
        if ((await pusher.post(push.path, push.body)).body === 'success') ok++;
      }
    }),
  );
  pusher.close();
  return ok / ((performance.now() - started) / 1000);
}

async function bareServer(): Promise<{ url: string; stop: () => void }> {
  const source = `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => { s.writeHead(200, { 'content-type': 'text/plain' }); s.end('success'); }); }).listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); });`;
  const proc = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) =>
    proc.stdout.on('data', (d: Buffer) => resolve(/listening on (\S+)/.exec(d.toString())![1]!)),
  );
  return { url, stop: () => proc.kill('SIGTERM') };
}

async function catchUp(relay: ChildRelay, dataDir: string, token: string): Promise<number> {
  const store = openStore(dataDir);
  const template = new WeChatPusher(relay.url).sign(ticketKind.inner(1718000000, 'backlog'), 'component');
  const head = store.events.headSeq();
  for (let start = 0; start < BACKLOG; start += 5_000) {
    const events: NewEvent[] = Array.from({ length: 5_000 }, (_, i) => ({
      channel: 'component',
      appid: null,
      query: { timestamp: '1718000000', nonce: String(start + i), msg_signature: 'f'.repeat(40) },
      body: template.body,
      dedupeKey: dedupeKey('backlog', String(start + i)),
    }));
    store.events.appendMany(events);
  }
  await store.close();
  const device = new DeviceClient(`${relay.url.replace('http', 'ws')}/ws`, token);
  device.applied = head;
  const started = performance.now();
  await device.connect();
  await device.waitForApplied(head + BACKLOG, 60_000);
  device.stop();
  return (performance.now() - started) / 1000;
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dataDir = tempDir('wxfleet-relay-bench-');
  const setup = openStore(dataDir);
  const token = setup.devices.add('bench');
  await setup.close();
  const relay = await spawnRelay(dataDir, await freePort());
  const bare = await bareServer();
  try {
    for (const rate of [500, 2_000]) {
      const base = await offer(bare.url, rate);
      const ours = await offer(relay.url, rate);
      rows.push(
        {
          name: `relay ingest @${rate}/s offered (FULL fsync)`,
          value: ours.throughput,
          unit: 'pushes/s',
          baseline: base.throughput,
          ratio: ours.throughput / base.throughput,
          goal: rate === 2_000 ? '≥ 2000 sustained' : `failures ${ours.failures}`,
        },
        {
          name: `relay p50 to success @${rate}/s`,
          value: ours.p50,
          unit: 'ms',
          baseline: base.p50,
          ratio: base.p50 / ours.p50,
        },
        {
          name: `relay p99 to success @${rate}/s`,
          value: ours.p99,
          unit: 'ms',
          baseline: base.p99,
          ratio: base.p99 / ours.p99,
          goal: rate === 500 ? '< 50 ms' : undefined,
        },
      );
    }
    const baseMax = await saturate(bare.url);
    const ourMax = await saturate(relay.url);
    rows.push({
      name: 'relay max ingest, 64 senders closed loop',
      value: ourMax,
      unit: 'pushes/s',
      baseline: baseMax,
      ratio: ourMax / baseMax,
      goal: '≥ 2000',
    });
    const seconds = await catchUp(relay, dataDir, token);
    rows.push({ name: `relay catch-up of ${BACKLOG} backlog`, value: seconds, unit: 's', goal: '< 15 s' });
    rows.push({ name: 'relay peak RSS', value: relay.memory().peakMiB, unit: 'MiB', goal: '< 200 MiB' });
  } finally {
    bare.stop();
    await relay.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}
