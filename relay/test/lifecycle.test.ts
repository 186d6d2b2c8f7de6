import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/relay-store.js';
import { DeviceClient } from './helpers/device-client.js';
import { ticketKind } from './helpers/push-kinds.js';
import { WeChatPusher } from './helpers/pusher.js';
import { startRelay, tempDir, waitUntil } from './helpers/relay-fixture.js';

describe('health and shutdown', () => {
  it('/healthz gives liveness to anyone and details only to an authenticated device', async () => {
    const relay = await startRelay();
    try {
      const token = relay.addDevice('pc');
      expect(await (await fetch(`${relay.url}/healthz`)).json()).toEqual({ status: 'ok' });
      expect(
        await (await fetch(`${relay.url}/healthz`, { headers: { authorization: 'Bearer wxr_wrong' } })).json(),
      ).toEqual({ status: 'ok' });
      const details = (await (
        await fetch(`${relay.url}/healthz`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as Record<string, unknown>;
      expect(details).toMatchObject({ status: 'ok', headSeq: 0, devicesOnline: 0, journalMode: 'wal', synchronous: 2 });
    } finally {
      await relay.close();
    }
  });

  it('shuts down gracefully: pushes in flight are committed before their success, devices get 1001', async () => {
    const dataDir = tempDir();
    const relay = await startRelay({ dataDir });
    const device = new DeviceClient(relay.wsUrl, relay.addDevice('pc'));
    await device.connect();
    const pusher = new WeChatPusher(relay.url, { retries: 0 });
    const inflight = Array.from({ length: 40 }, (_, i) =>
      pusher.deliver(pusher.sign(ticketKind.inner(1718000000, `s${i}`), 'component')),
    );
    await waitUntil(() => relay.app.relay.store.events.stats.events > 0, 5_000, 'first commit');
    await relay.close();
    const results = await Promise.all(inflight);
    pusher.close();
    await waitUntil(() => device.closes.length > 0, 2_000, 'device closed');
    expect(device.closes[0]!.code).toBe(1001);
    const store = openStore(dataDir);
    const successes = results.filter((r) => r.body === 'success').length;
    expect(successes).toBeGreaterThan(0);
    expect(store.events.count()).toBeGreaterThanOrEqual(successes);
    await store.close();
  });
});
