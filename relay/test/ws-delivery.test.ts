import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { dedupeKey } from '../src/store/event-store.js';
import type { NewEvent } from '../src/store/event-store.js';
import { DeviceClient } from './helpers/device-client.js';
import { ticketKind } from './helpers/push-kinds.js';
import { WeChatPusher } from './helpers/pusher.js';
import { sleep, startRelay, waitUntil } from './helpers/relay-fixture.js';
import type { TestRelay } from './helpers/relay-fixture.js';

let relay: TestRelay;
const clients: DeviceClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.stop();
  await relay.close();
});

const fake = (n: number): NewEvent => ({
  channel: 'component',
  appid: null,
  query: { timestamp: '1', nonce: '1', msg_signature: 'x' },
  body: `<xml><Encrypt>${n}</Encrypt></xml>`,
  dedupeKey: dedupeKey('t', String(n)),
});

function device(token: string, options: ConstructorParameters<typeof DeviceClient>[2] = {}): DeviceClient {
  const client = new DeviceClient(relay.wsUrl, token, options);
  clients.push(client);
  return client;
}

describe('WebSocket protocol v1', () => {
  it('welcomes with headSeq and delivers pushes from HTTP in seq order from cursor+1', async () => {
    relay = await startRelay({ ws: { window: 8 } });
    const token = relay.addDevice('pc');
    const pusher = new WeChatPusher(relay.url);
    for (let i = 0; i < 5; i++) await pusher.deliver(pusher.sign(ticketKind.inner(1718000000 + i), 'component'));
    const pc = device(token);
    pc.applied = 2; // as if it had applied 1 and 2 before
    await pc.connect();
    expect(pc.headSeq).toBe(5);
    await pc.waitForApplied(5);
    expect(pc.pushes.map((p) => p.seq)).toEqual([3, 4, 5]);
    for (let i = 5; i < 25; i++) await pusher.deliver(pusher.sign(ticketKind.inner(1718000000 + i), 'component'));
    await pc.waitForApplied(25);
    expect(pc.gaps).toEqual([]);
    expect(pc.pushes[0]).toMatchObject({ type: 'push', channel: 'component', appid: null });
    expect(pc.pushes[0]!.query.msg_signature).toMatch(/^[0-9a-f]{40}$/);
    pusher.close();
  });

  it('keeps at most `window` pushes unacked and continues on a cumulative ack', async () => {
    relay = await startRelay({ ws: { window: 10, pageSize: 4 } });
    relay.app.relay.store.events.appendMany(Array.from({ length: 100 }, (_, i) => fake(i)));
    const ws = new WebSocket(relay.wsUrl, { headers: { authorization: `Bearer ${relay.addDevice('raw')}` } });
    const seqs: number[] = [];
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as { type: string; seq?: number };
      if (m.type === 'push') seqs.push(m.seq!);
    });
    await new Promise((r) => ws.on('open', r));
    ws.send(JSON.stringify({ type: 'hello', version: 1, cursor: 0 }));
    await sleep(200);
    expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    ws.send(JSON.stringify({ type: 'ack', seq: 7 }));
    await sleep(100);
    expect(seqs.length).toBe(17);
    ws.close();
  });

  it('resumes after a reconnect from the applied cursor without loss or double apply', async () => {
    relay = await startRelay({ ws: { window: 16 } });
    relay.app.relay.store.events.appendMany(Array.from({ length: 300 }, (_, i) => fake(i)));
    const pc = device(relay.addDevice('pc'), { dropAckRate: 0.5 });
    await pc.connect();
    await pc.waitForApplied(40);
    pc.ws?.terminate();
    await sleep(50);
    await pc.connect();
    await pc.waitForApplied(300);
    expect(pc.pushes.map((p) => p.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(pc.gaps).toEqual([]);
  });

  it('three devices, one slow: the fast ones finish first and retention keeps what the slow one needs', async () => {
    relay = await startRelay({ ws: { window: 4, pageSize: 4, sweepIntervalMs: 50 } });
    const [a, b, s] = [relay.addDevice('fast-a'), relay.addDevice('fast-b'), relay.addDevice('slow')];
    relay.app.relay.store.events.appendMany(Array.from({ length: 200 }, (_, i) => fake(i)));
    const fastA = device(a);
    const fastB = device(b);
    const slow = device(s, { ackDelayMs: 40 });
    await Promise.all([fastA.connect(), fastB.connect(), slow.connect()]);
    await Promise.all([fastA.waitForApplied(200, 5_000), fastB.waitForApplied(200, 5_000)]);
    expect(slow.applied).toBeLessThan(100);
    await sleep(100);
    await relay.app.relay.prune();
    const oldest = relay.app.relay.store.events.page(0, 1)[0]!.seq;
    // The slow device has applied `slow.applied` and acked at most that: everything after must still be there.
    expect(oldest).toBeLessThanOrEqual(slow.applied + 1);
    await slow.waitForApplied(200, 30_000);
    expect(slow.gaps).toEqual([]);
    await sleep(100);
    await relay.app.relay.prune();
    expect(relay.app.relay.store.events.count()).toBe(0);
  });

  it('closes the connection of a device revoked while connected', async () => {
    relay = await startRelay({ ws: { sweepIntervalMs: 50 } });
    const pc = device(relay.addDevice('pc'));
    await pc.connect();
    relay.app.relay.store.devices.revoke('pc');
    await waitUntil(() => pc.closes.length > 0, 2_000, 'revoked device closed');
    expect(pc.closes[0]!.code).toBe(4401);
    await expect(device(relay.addDevice('other')).connect()).resolves.toBeUndefined();
  });

  it('limits connections per device', async () => {
    relay = await startRelay({ ws: { maxConnectionsPerDevice: 2 } });
    const token = relay.addDevice('pc');
    await device(token).connect();
    await device(token).connect();
    await expect(device(token).connect()).rejects.toThrow(/429/);
  });
});
