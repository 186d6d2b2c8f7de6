import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import WebSocket from 'ws';
import type { BenchRow } from './bench-row.js';
import { median } from './rounds.js';
import { dedupeKey } from '../relay/src/store/event-store.js';
import type { NewEvent } from '../relay/src/store/event-store.js';
import { openStore } from '../relay/src/store/relay-store.js';
import { freePort, spawnRelay } from '../relay/test/helpers/child-relay.js';
import { ticketKind } from '../relay/test/helpers/push-kinds.js';
import { WeChatPusher } from '../relay/test/helpers/pusher.js';
import { tempDir } from '../relay/test/helpers/relay-fixture.js';

/*
 * Relay figures, each the median of ROUNDS interleaved rounds in which the bare server (a Node http server that
 * answers `success` and stores nothing) runs right before the relay, so both see the same machine load.
 */
const ROUNDS = Number(process.env['WXFLEET_BENCH_ROUNDS'] ?? 3);
const LOAD_SECONDS = 4;
const SATURATE_SECONDS = 3;
const BACKLOGS = [50_000, 500_000];

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
async function offer(url: string, rate: number, tag: string): Promise<LoadResult> {
  // Open loop: enough connections that the sender never waits for an answer before sending the next push.
  const pusher = new WeChatPusher(url, { retries: 0, maxSockets: 1024, timeoutMs: 30_000 });
  const total = rate * LOAD_SECONDS;
  const pushes = Array.from({ length: total }, (_, i) =>
    pusher.sign(ticketKind.inner(1718000000, `bench-${tag}-${rate}-${i}-${Math.random()}`), 'component'),
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
async function saturate(url: string, tag: string, senders = 64): Promise<number> {
  const pusher = new WeChatPusher(url, { retries: 0 });
  const pushes = Array.from({ length: 8_000 * SATURATE_SECONDS }, (_, i) =>
    pusher.sign(ticketKind.inner(1718000000, `max-${tag}-${i}-${Math.random()}`), 'component'),
  );
  let next = 0;
  let ok = 0;
  const deadline = performance.now() + SATURATE_SECONDS * 1000;
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

/** The floor under every figure: one-row commits, each fsync'd (WAL, synchronous=FULL), on this disk now. */
async function commitLatencyMs(): Promise<number> {
  const dataDir = tempDir('wxfleet-relay-bench-');
  try {
    const store = openStore(dataDir);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      store.events.appendMany([
        {
          channel: 'component',
          appid: null,
          query: { timestamp: '1', nonce: String(i), msg_signature: 'x' },
          body: '<xml/>',
          dedupeKey: dedupeKey('fsync', String(i)),
        },
      ]);
      times.push(performance.now() - t0);
    }
    await store.close();
    return median(times);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A lean desktop: keeps only the last seq, acks cumulatively every 32 pushes; resolves when `last` arrived. */
function drain(wsUrl: string, token: string, last: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${token}` } });
    let seq = 0;
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', version: 1, cursor: 0 })));
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as { type: string; seq?: number };
      if (frame.type !== 'push') return;
      if (frame.seq !== seq + 1) reject(new Error(`gap: ${seq} → ${frame.seq}`));
      seq = frame.seq!;
      if (seq % 32 === 0 || seq === last) ws.send(JSON.stringify({ type: 'ack', seq }));
      if (seq === last) {
        ws.close();
        resolve();
      }
    });
    ws.on('error', reject);
  });
}

/** Fills a fresh store with `size` pushes, starts a fresh relay on it and times one device receiving them all. */
async function catchUp(size: number): Promise<{ seconds: number; peakMiB: number }> {
  const dataDir = tempDir('wxfleet-relay-bench-');
  try {
    const store = openStore(dataDir);
    const token = store.devices.add('bench');
    const template = new WeChatPusher('http://x').sign(ticketKind.inner(1718000000, 'backlog'), 'component');
    for (let start = 0; start < size; start += 10_000) {
      const events: NewEvent[] = Array.from({ length: Math.min(10_000, size - start) }, (_, i) => ({
        channel: 'component',
        appid: null,
        query: { timestamp: '1718000000', nonce: String(start + i), msg_signature: 'f'.repeat(40) },
        body: template.body,
        dedupeKey: dedupeKey('backlog', String(start + i)),
        receivedAt: Date.now(),
      }));
      store.events.appendMany(events);
    }
    await store.close();
    const relay = await spawnRelay(dataDir, await freePort());
    try {
      let peak = relay.memory().rssMiB;
      const sampler = setInterval(() => (peak = Math.max(peak, relay.memory().rssMiB)), 50);
      const started = performance.now();
      await drain(`${relay.url.replace('http', 'ws')}/ws`, token, size);
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      return { seconds, peakMiB: Math.max(peak, relay.memory().rssMiB) };
    } finally {
      await relay.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const fsyncBefore = await commitLatencyMs();
  const dataDir = tempDir('wxfleet-relay-bench-');
  const setup = openStore(dataDir);
  setup.devices.add('bench');
  await setup.close();
  const relay = await spawnRelay(dataDir, await freePort());
  const bare = await bareServer();
  const rounds: {
    bare2k: LoadResult;
    ours2k: LoadResult;
    bare500: LoadResult;
    ours500: LoadResult;
    bareMax: number;
    ourMax: number;
  }[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const bare500 = await offer(bare.url, 500, `b${round}`);
      const ours500 = await offer(relay.url, 500, `r${round}`);
      const bare2k = await offer(bare.url, 2_000, `b${round}`);
      const ours2k = await offer(relay.url, 2_000, `r${round}`);
      const bareMax = await saturate(bare.url, `b${round}`);
      const ourMax = await saturate(relay.url, `r${round}`);
      rounds.push({ bare500, ours500, bare2k, ours2k, bareMax, ourMax });
    }
  } finally {
    bare.stop();
    await relay.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const m = (pick: (r: (typeof rounds)[number]) => number): number => median(rounds.map(pick));
  for (const [rate, ours, base] of [
    [500, (r: (typeof rounds)[number]) => r.ours500, (r: (typeof rounds)[number]) => r.bare500],
    [2_000, (r: (typeof rounds)[number]) => r.ours2k, (r: (typeof rounds)[number]) => r.bare2k],
  ] as const) {
    const failures = rounds.reduce((n, r) => n + ours(r).failures, 0);
    rows.push(
      {
        name: `relay ingest @${rate}/s offered (FULL fsync), median of ${ROUNDS}`,
        value: m((r) => ours(r).throughput),
        unit: 'pushes/s',
        baseline: m((r) => base(r).throughput),
        ratio: m((r) => ours(r).throughput / base(r).throughput),
        goal: `all answered success (failures ${failures})`,
      },
      {
        name: `relay p50 to success @${rate}/s`,
        value: m((r) => ours(r).p50),
        unit: 'ms',
        baseline: m((r) => base(r).p50),
        ratio: m((r) => base(r).p50 / ours(r).p50),
      },
      {
        name: `relay p99 to success @${rate}/s`,
        value: m((r) => ours(r).p99),
        unit: 'ms',
        baseline: m((r) => base(r).p99),
        ratio: m((r) => base(r).p99 / ours(r).p99),
        goal: rate === 2_000 ? '≤ 50 ms and ≤ 3× the bare server (ratio ≥ 0.33)' : undefined,
      },
    );
  }
  rows.push({
    name: `relay max ingest, 64 senders closed loop, median of ${ROUNDS}`,
    value: m((r) => r.ourMax),
    unit: 'pushes/s',
    baseline: m((r) => r.bareMax),
    ratio: m((r) => r.ourMax / r.bareMax),
    goal: '≥ 0.6× the bare server',
  });
  for (const size of BACKLOGS) {
    const { seconds, peakMiB } = await catchUp(size);
    rows.push(
      {
        name: `relay catch-up of ${size} pushes`,
        value: seconds,
        unit: 's',
        goal: size >= 500_000 ? '≤ 120 s' : undefined,
      },
      { name: `relay RSS peak during catch-up of ${size}`, value: peakMiB, unit: 'MiB', goal: '≤ 200 MiB' },
    );
  }
  rows.push({
    name: 'SQLite one-row commit, FULL fsync, median of 50 (the floor under p50)',
    value: median([fsyncBefore, await commitLatencyMs()]),
    unit: 'ms',
  });
  return rows;
}
