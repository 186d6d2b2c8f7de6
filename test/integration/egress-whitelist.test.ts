import { request } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../simulator/src/index.js';
import type { RunningSimulator } from '../../simulator/src/index.js';
import { startRelay } from '../../relay/test/helpers/relay-fixture.js';
import type { TestRelay } from '../../relay/test/helpers/relay-fixture.js';
import { connectThrough } from '../../relay/test/helpers/raw-http.js';

// WeChat checks every call against the platform's IP whitelist (61004). The simulator whitelists 127.0.0.1 only:
// an office machine (127.0.0.2) calling directly is refused, the same call through the relay's tunnel is not.
let sim: RunningSimulator;
let relay: TestRelay;
let simTarget: string;
let deviceToken: string;

const tokenRequest = (sim: RunningSimulator): string =>
  JSON.stringify({
    component_appid: sim.platform.componentAppid,
    component_appsecret: sim.platform.componentAppsecret,
    component_verify_ticket: 'no-ticket-yet',
  });

function post(
  options: { localAddress?: string; createConnection?: () => Socket },
  body: string,
): Promise<{ errcode?: number; errmsg?: string }> {
  const url = new URL('/cgi-bin/component/api_component_token', sim.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false, ...options },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text) as { errcode?: number; errmsg?: string }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  sim = await startSimulator({ config: { whitelist: ['127.0.0.1'], push: { ticketOnStart: false } } });
  simTarget = new URL(sim.url).host;
  relay = await startRelay({ tunnel: { allow: [simTarget] } });
  deviceToken = relay.addDevice('office-pc');
});

afterAll(async () => {
  await relay.close();
  await sim.close();
});

describe('egress through the relay', () => {
  it('refuses a direct call from an unlisted address with 61004 naming the address', async () => {
    const reply = await post({ localAddress: '127.0.0.2' }, tokenRequest(sim));
    expect(reply.errcode).toBe(61004);
    expect(reply.errmsg).toContain('127.0.0.2');
  });

  it('lets the same call through the tunnel, which leaves from the whitelisted address', async () => {
    const tunnel = await connectThrough(Number(new URL(relay.url).port), simTarget, deviceToken);
    expect(tunnel.status).toBe(200);
    const socket = tunnel.socket!;
    const reply = await post({ createConnection: () => socket }, tokenRequest(sim));
    // Past the whitelist: the ticket is what is wrong now, not the address.
    expect(reply.errcode).not.toBe(61004);
    expect(reply.errcode).toBe(61006);
  });

  it('refuses hosts outside its allowlist and devices without a token', async () => {
    const port = Number(new URL(relay.url).port);
    expect((await connectThrough(port, 'example.com:443', deviceToken)).status).toBe(403);
    expect((await connectThrough(port, simTarget, null)).status).toBe(407);
  });
});
