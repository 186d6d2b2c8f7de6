import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEgressTransport } from './egress-transport.js';

const servers: Array<{ close(): void }> = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** A WeChat stand-in that answers `{"errcode":0}` when told to (requests wait for `release`). */
async function wechat(): Promise<{ url: string; release: () => void; waiting: () => number }> {
  const held: Array<() => void> = [];
  const server = createServer((_req, res) => {
    held.push(() => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"errcode":0}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => server.close() });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    release: () => held.splice(0).forEach((answer) => answer()),
    waiting: () => held.length,
  };
}

describe('egress transport', () => {
  it('refuses with the configuration error until an egress is set, then sends without being rebuilt', async () => {
    const sim = await wechat();
    const missing = Object.assign(new Error('relay not set'), { contractCode: 'not_configured' });
    const transport = createEgressTransport({ baseUrl: sim.url, egress: missing });
    await expect(transport.send({ method: 'GET', url: '/cgi-bin/x' })).rejects.toBe(missing);
    expect(transport.viaRelay).toBe(true);

    transport.use({ mode: 'direct' });
    expect(transport.viaRelay).toBe(false);
    const sent = transport.send({ method: 'GET', url: '/cgi-bin/x' });
    await new Promise<void>((resolve) => {
      const wait = (): void => void (sim.waiting() > 0 ? resolve() : setImmediate(wait));
      wait();
    });
    // A settings change while the request is in flight: it still finishes on the connection it started on.
    transport.use(missing);
    sim.release();
    expect((await sent).status).toBe(200);
    await expect(transport.send({ method: 'GET', url: '/cgi-bin/x' })).rejects.toBe(missing);
    transport.close();
  });
});
