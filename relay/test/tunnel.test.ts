import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../src/settings.js';
import { connectThrough } from './helpers/raw-http.js';
import { startRelay } from './helpers/relay-fixture.js';
import type { TestRelay } from './helpers/relay-fixture.js';

let target: Server;
let targetPort: number;
let relay: TestRelay;
let token: string;
let relayPort: number;

beforeAll(async () => {
  target = createServer((req, res) =>
    res.end(`hello from target, you asked ${req.url} from ${req.socket.remoteAddress}`),
  );
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  targetPort = (target.address() as AddressInfo).port;
  relay = await startRelay({ tunnel: { allow: [`127.0.0.1:${targetPort}`] }, limits: { connectionTimeoutMs: 300 } });
  relayPort = Number(new URL(relay.url).port);
  token = relay.addDevice('pc');
});
afterAll(async () => {
  await relay.close();
  target.close();
});

describe('CONNECT egress tunnel', () => {
  it('forwards an allowed host:port for an authenticated device', async () => {
    const { status, socket } = await connectThrough(relayPort, `127.0.0.1:${targetPort}`, token);
    expect(status).toBe(200);
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      socket!.on('data', (d: Buffer) => (text += d.toString()));
      socket!.on('end', () => resolve(text));
      socket!.write(
        `GET /cgi-bin/component/api_component_token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
      );
    });
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
    expect(reply).toContain('you asked /cgi-bin/component/api_component_token');
  });

  it('keeps an idle tunnel open past the HTTP idle timeout', async () => {
    const { socket } = await connectThrough(relayPort, `127.0.0.1:${targetPort}`, token);
    await new Promise((r) => setTimeout(r, 800));
    expect(socket!.destroyed).toBe(false);
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      socket!.on('data', (d: Buffer) => (text += d.toString()));
      socket!.on('end', () => resolve(text));
      socket!.write('GET /late HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    });
    expect(reply).toContain('you asked /late');
  });

  it('refuses hosts and ports outside the allowlist', async () => {
    for (const t of [
      'example.com:443',
      `127.0.0.1:${targetPort + 1}`,
      'api.weixin.qq.com:443',
      `localhost:${targetPort}`,
      '127.0.0.1',
    ]) {
      expect((await connectThrough(relayPort, t, token)).status).toBe(403);
    }
  });

  it('refuses clients without a token, with a wrong one, or with a revoked one', async () => {
    const revoked = relay.addDevice('old');
    relay.app.relay.store.devices.revoke('old');
    for (const t of [null, 'wxr_not-a-real-token', revoked]) {
      expect((await connectThrough(relayPort, `127.0.0.1:${targetPort}`, t)).status).toBe(407);
    }
    expect(relay.app.relay.tunnel.open()).toBe(0);
  });

  it('defaults to api.weixin.qq.com:443 only', () => {
    expect(resolveSettings({ dataDir: '', wechatTokens: ['x'], publicUrl: '' }).tunnel.allow).toEqual([
      'api.weixin.qq.com:443',
    ]);
  });
});
