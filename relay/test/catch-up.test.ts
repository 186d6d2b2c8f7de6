import { afterAll, describe, expect, it } from 'vitest';
import { dedupeKey } from '../src/store/event-store.js';
import type { NewEvent } from '../src/store/event-store.js';
import { openStore } from '../src/store/relay-store.js';
import { freePort, spawnRelay } from './helpers/child-relay.js';
import type { ChildRelay } from './helpers/child-relay.js';
import { DeviceClient } from './helpers/device-client.js';
import { ticketKind } from './helpers/push-kinds.js';
import { WeChatPusher } from './helpers/pusher.js';
import { sleep, tempDir } from './helpers/relay-fixture.js';

const TOTAL = 50_000;
const THROUGH_HTTP = 2_000;

describe('an offline device catches up', () => {
  let relay: ChildRelay | undefined;
  afterAll(async () => relay?.stop());

  it(`catches up ${TOTAL} pushes in order, streamed with flat memory`, async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const setup = openStore(dataDir);
    const token = setup.devices.add('pc');
    await setup.close();
    relay = await spawnRelay(dataDir, port);
    const pusher = new WeChatPusher(relay.url);

    // Part of the backlog arrives through HTTP like WeChat's pushes, the bulk straight into the store for speed.
    for (let batch = 0; batch < THROUGH_HTTP / 100; batch++) {
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          pusher.deliver(pusher.sign(ticketKind.inner(1718000000, `http-${batch}-${i}`), 'component')),
        ),
      );
      expect(results.every((r) => r.body === 'success')).toBe(true);
    }
    const direct = openStore(dataDir);
    const template = pusher.sign(ticketKind.inner(1718000000, 'direct'), 'component');
    for (let start = THROUGH_HTTP; start < TOTAL; start += 5_000) {
      const events: NewEvent[] = Array.from({ length: Math.min(5_000, TOTAL - start) }, (_, i) => ({
        channel: 'component',
        appid: null,
        query: { timestamp: '1718000000', nonce: String(start + i), msg_signature: 'f'.repeat(40) },
        body: template.body,
        dedupeKey: dedupeKey('bulk', String(start + i)),
      }));
      direct.events.appendMany(events);
    }
    await direct.close();
    pusher.close();

    const before = relay.memory();
    const device = new DeviceClient(`${relay.url.replace('http', 'ws')}/ws`, token);
    const started = performance.now();
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(relay!.memory().rssMiB), 100);
    try {
      await device.connect();
      expect(device.headSeq).toBe(TOTAL);
      await device.waitForApplied(TOTAL, 120_000);
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    await sleep(10);

    expect(device.gaps).toEqual([]);
    expect(device.redelivered).toBe(0);
    expect(device.pushes.length).toBe(TOTAL);
    expect(device.pushes.every((p, i) => p.seq === i + 1)).toBe(true);
    const peak = Math.max(...samples, before.rssMiB);
    // Flat: streaming 50,000 pushes must not grow the relay by anything like the backlog's size (~40 MB of JSON).
    expect(peak - before.rssMiB).toBeLessThan(40);
    expect(relay.memory().peakMiB).toBeLessThan(200);
    console.log(
      `catch-up ${TOTAL} in ${seconds.toFixed(1)} s; relay RSS ${before.rssMiB.toFixed(0)} → peak ${peak.toFixed(0)} MiB`,
    );
  }, 180_000); // a busy machine: the figure that matters is measured by the bench, not asserted here
});
