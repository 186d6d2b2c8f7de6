import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DeviceClient } from './helpers/device-client.js';
import { ticketKind } from './helpers/push-kinds.js';
import { WeChatPusher } from './helpers/pusher.js';
import { rawExchange } from './helpers/raw-http.js';
import { startRelay } from './helpers/relay-fixture.js';
import type { TestRelay } from './helpers/relay-fixture.js';

let relay: TestRelay;
let port: number;
let pusher: WeChatPusher;

beforeAll(async () => {
  relay = await startRelay({ limits: { requestTimeoutMs: 1_000, headersTimeoutMs: 1_000, checkIntervalMs: 100 } });
  port = Number(new URL(relay.url).port);
  pusher = new WeChatPusher(relay.url, { retries: 0 });
});
afterAll(async () => {
  pusher.close();
  await relay.close();
});

/** A correctly signed query for whatever <Encrypt> the body claims, so only the body is at fault. */
function signedPath(encrypt: string): string {
  const signature = pusher.crypt.signature('1718000000', '7', encrypt);
  return `/wechat/component?timestamp=1718000000&nonce=7&encrypt_type=aes&msg_signature=${signature}`;
}

const stored = (): number => relay.app.relay.store.events.count();

describe('hostile input is refused fast, stores nothing and leaves the process up', () => {
  it('refuses DOCTYPE and ENTITY declarations', async () => {
    const bodies = [
      '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Encrypt>&x;</Encrypt></xml>',
      '<xml><!ENTITY lol "lol"><Encrypt>abc</Encrypt></xml>',
      '<?xml version="1.0"?><!doctype xml><xml><Encrypt>abc</Encrypt></xml>',
    ];
    for (const body of bodies) {
      const res = await pusher.post(signedPath('abc'), body);
      expect(res.status).toBe(400);
    }
    expect(stored()).toBe(0);
  });

  it('refuses a 10 MB body, announced or chunked, with 413 before reading it', async () => {
    const big = `<xml><Encrypt>${'A'.repeat(10 * 1024 * 1024)}</Encrypt></xml>`;
    const started = performance.now();
    expect((await pusher.post(signedPath('x'), big)).status).toBe(413);
    const chunked = await rawExchange(port, (s) => {
      s.write(
        `POST ${signedPath('x')} HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      const chunk = 'A'.repeat(64 * 1024);
      for (let i = 0; i < 160; i++) s.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    });
    expect(chunked.status).toBe(413);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(stored()).toBe(0);
  });

  it('cuts off a slow body that never ends', async () => {
    const result = await rawExchange(port, (s) => {
      s.write(
        `POST ${signedPath('x')} HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 5000\r\n\r\n<xml><Encr`,
      );
    });
    expect(result.end).not.toBe('timeout');
    expect(result.ms).toBeLessThan(2_500);
    const headers = await rawExchange(port, (s) => s.write('POST /wechat/component HTTP/1.1\r\nHost: x\r\n'));
    expect(headers.end).not.toBe('timeout');
    expect(headers.ms).toBeLessThan(2_500);
    expect(stored()).toBe(0);
  });

  it('refuses 200,000 nested elements and deep nesting that fits the size limit', async () => {
    const huge = `<xml>${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}<Encrypt>abc</Encrypt></xml>`;
    expect((await pusher.post(signedPath('abc'), huge)).status).toBe(413);
    const deep = `<xml>${'<a>'.repeat(7_000)}x${'</a>'.repeat(7_000)}<Encrypt>abc</Encrypt></xml>`;
    const started = performance.now();
    expect((await pusher.post(signedPath('abc'), deep)).status).toBe(400);
    expect(performance.now() - started).toBeLessThan(500);
    expect(stored()).toBe(0);
  });

  it('has no prototype pollution from __proto__ element names or query keys', async () => {
    const polluting = [
      '<xml><__proto__><polluted>yes</polluted></__proto__><Encrypt>abc</Encrypt></xml>',
      '<xml><constructor><prototype><polluted>yes</polluted></prototype></constructor><Encrypt>abc</Encrypt></xml>',
    ];
    for (const body of polluting) expect((await pusher.post(signedPath('abc'), body)).status).toBe(400);
    const flat = '<xml><__proto__>x</__proto__><Encrypt>abc</Encrypt></xml>';
    expect(
      (
        await pusher.post(
          `/wechat/component?__proto__[polluted]=yes&timestamp=1&nonce=2&msg_signature=${'a'.repeat(40)}`,
          flat,
        )
      ).status,
    ).toBe(401);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(stored()).toBe(0);
  });

  it('refuses WebSocket clients without a token, with a wrong one or a revoked one, before the upgrade', async () => {
    const revoked = relay.addDevice('gone');
    relay.app.relay.store.devices.revoke('gone');
    for (const token of [null, 'wxr_nope', revoked, 'Basic abc']) {
      const client = new DeviceClient(relay.wsUrl, token ?? '');
      const started = performance.now();
      await expect(client.connect()).rejects.toThrow(/401/);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it('closes a connection that sends an oversize frame, binary or malformed frames', async () => {
    const token = relay.addDevice('pc');
    const closeCode = (send: (ws: WebSocket) => void): Promise<number> =>
      new Promise((resolve) => {
        const ws = new WebSocket(relay.wsUrl, { headers: { authorization: `Bearer ${token}` } });
        ws.on('open', () => send(ws));
        ws.on('error', () => undefined);
        ws.on('close', (code) => resolve(code));
      });
    expect(await closeCode((ws) => ws.send('x'.repeat(300 * 1024)))).toBe(1009);
    expect(await closeCode((ws) => ws.send('{not json'))).toBe(1008);
    expect(await closeCode((ws) => ws.send(Buffer.from([1, 2, 3])))).toBe(1003);
    expect(await closeCode((ws) => ws.send(JSON.stringify({ type: 'ack', seq: 1 })))).toBe(1008);
    expect(await closeCode((ws) => ws.send(JSON.stringify({ type: 'hello', version: 2, cursor: 0 })))).toBe(1002);
  });

  it('is still up and still accepts a good push', async () => {
    const push = pusher.sign(ticketKind.inner(1718000000), 'component');
    const res = await pusher.deliver(push);
    expect(res.body).toBe('success');
    expect(stored()).toBe(1);
    const health = await fetch(`${relay.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
