import { afterEach, describe, expect, it } from 'vitest';
import { DeviceClient } from './helpers/device-client.js';
import { FaultProxy } from './helpers/fault-proxy.js';
import { ticketKind } from './helpers/push-kinds.js';
import { WeChatPusher } from './helpers/pusher.js';
import { sleep, startRelay, waitUntil } from './helpers/relay-fixture.js';
import type { TestRelay } from './helpers/relay-fixture.js';

const PING = 200;
let relay: TestRelay;
let proxy: FaultProxy;
const devices: DeviceClient[] = [];

async function setup(): Promise<void> {
  relay = await startRelay({ ws: { pingIntervalMs: PING, window: 16, pageSize: 8, sweepIntervalMs: 100 } });
  proxy = new FaultProxy(Number(new URL(relay.url).port));
  await proxy.start();
}

afterEach(async () => {
  for (const d of devices.splice(0)) d.stop();
  await proxy.close();
  await relay.close();
});

describe('faults between device and relay', () => {
  it('drops, resets, blackholes and lost acks: nothing lost, nothing applied twice', async () => {
    await setup();
    const url = `ws://127.0.0.1:${proxy.port}/ws`;
    for (const name of ['pc-a', 'pc-b']) {
      const device = new DeviceClient(url, relay.addDevice(name), { dropAckRate: 0.3, deadAfterMs: 2.5 * PING });
      devices.push(device);
      await device.start();
    }
    const pusher = new WeChatPusher(relay.url);
    const faults = ['drop', 'reset', 'blackhole', 'none'] as const;
    const TOTAL = 400;
    let done = false;
    const load = (async () => {
      for (let i = 0; i < TOTAL; i += 10) {
        await Promise.all(
          Array.from({ length: 10 }, (_, j) =>
            pusher.deliver(pusher.sign(ticketKind.inner(1718000000, `f${i + j}`), 'component')),
          ),
        );
        await sleep(20);
      }
      done = true;
    })();
    for (let round = 0; round < 8 || !done; round++) {
      await sleep(250);
      const fault = faults[round % faults.length]!;
      if (fault === 'drop') proxy.drop();
      if (fault === 'reset') proxy.reset();
      if (fault === 'blackhole') proxy.blackhole();
    }
    await load;
    pusher.close();
    const head = relay.app.relay.store.events.headSeq();
    expect(head).toBe(TOTAL);
    for (const device of devices) {
      await device.waitForApplied(head, 10_000);
      expect(device.pushes.map((p) => p.seq)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
      expect(device.gaps).toEqual([]);
      expect(device.connects).toBeGreaterThanOrEqual(3);
    }
    // Resuming from the hello cursor means nothing already applied is even sent again.
    expect(devices.map((d) => d.redelivered)).toEqual([0, 0]);
  });

  it('drops a half-open peer within two ping intervals', async () => {
    await setup();
    const device = new DeviceClient(`ws://127.0.0.1:${proxy.port}/ws`, relay.addDevice('pc'));
    devices.push(device);
    await device.connect();
    await sleep(PING * 1.5); // a few pings and pongs have passed
    expect(relay.app.relay.hub.readyCount()).toBe(1);
    proxy.blackhole();
    const started = performance.now();
    await waitUntil(() => relay.app.relay.hub.readyCount() === 0, 5 * PING, 'relay to drop the silent peer');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThanOrEqual(2 * PING + 60);
    expect(elapsed).toBeGreaterThan(PING);
  });
});
