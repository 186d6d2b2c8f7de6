import { parsePush } from '@wxfleet/protocol';
import type { Push } from '@wxfleet/protocol';
import { createServer, request } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator } from '../src/index.js';
import type { RunningSimulator, SimulatorConfigInput, StartOptions } from '../src/index.js';

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json: Record<string, unknown>;
}

export interface CallOptions {
  method?: string;
  /** A JSON body (objects are serialised); a string or Buffer is sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
  localAddress?: string;
}

export function http(url: string, options: CallOptions = {}): Promise<HttpResult> {
  const payload =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string' || Buffer.isBuffer(options.body)
        ? options.body
        : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
        headers: {
          ...(payload === undefined ? {} : { 'Content-Length': Buffer.byteLength(payload) }),
          ...options.headers,
        },
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          let json: Record<string, unknown> = {};
          if ((res.headers['content-type'] ?? '').includes('json')) json = JSON.parse(text) as Record<string, unknown>;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export interface TestSim extends RunningSimulator {
  /** Calls an api.weixin.qq.com path; `query` is appended verbatim. */
  api(path: string, query: string, options?: CallOptions): Promise<HttpResult>;
  control(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
}

export async function startTestSim(
  config: SimulatorConfigInput = {},
  options: Omit<StartOptions, 'config'> = {},
): Promise<TestSim> {
  const sim = await startSimulator({
    port: 0,
    seed: 'demo',
    ...options,
    config: { ...config, push: { ticketOnStart: true, retryDelayMs: 0, ...config.push } },
  });
  return {
    ...sim,
    api: (path, query, callOptions) => http(`${sim.url}${path}${query ? `?${query}` : ''}`, callOptions),
    async control(method, path, body) {
      const result = await http(`${sim.url}/__sim${path}`, {
        method,
        ...(body === undefined ? {} : { body }),
        headers: { 'X-Sim-Key': sim.controlKey },
      });
      if (result.status !== 200) throw new Error(`control ${method} ${path}: ${result.status} ${result.text}`);
      return result.json;
    },
  };
}

export interface Received {
  path: string;
  query: URLSearchParams;
  body: string;
}

/** A tiny push receiver on port 0: records every request and answers via `reply` (default `success`). */
export async function startReceiver(
  reply: (r: Received, index: number) => 'success' | 'hang' | string = () => 'success',
): Promise<{ url: string; received: Received[]; close(): Promise<void>; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const entry = { path: url.pathname, query: url.searchParams, body: Buffer.concat(chunks).toString('utf8') };
      received.push(entry);
      const answer = reply(entry, received.length - 1);
      if (answer === 'hang') return;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('waitFor timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface Session {
  componentToken: string;
  appid: string;
  authorizerToken: string;
  refreshToken: string;
}

/** The whole credential chain, the merchant played by the control API: ticket → token → pre-auth → auth → tokens. */
export async function authorizeApp(sim: TestSim, appid: string, funcIds = [17, 18, 19, 30]): Promise<Session> {
  const componentToken = await componentTokenOf(sim);
  const pre = await sim.api('/cgi-bin/component/api_create_preauthcode', `component_access_token=${componentToken}`, {
    body: { component_appid: sim.platform.componentAppid },
  });
  const done = await sim.control('POST', '/merchant/authorize', {
    appid,
    funcIds,
    preAuthCode: pre.json['pre_auth_code'],
  });
  const auth = await sim.api('/cgi-bin/component/api_query_auth', `component_access_token=${componentToken}`, {
    body: { component_appid: sim.platform.componentAppid, authorization_code: done['authCode'] },
  });
  const info = auth.json['authorization_info'] as Record<string, string>;
  return {
    componentToken,
    appid,
    authorizerToken: info['authorizer_access_token']!,
    refreshToken: info['authorizer_refresh_token']!,
  };
}

export async function componentTokenOf(sim: TestSim): Promise<string> {
  const state = await sim.control('GET', '/state');
  let ticket = (state['platform'] as Record<string, string | null>)['latestTicket'];
  if (ticket === null) ticket = (await sim.control('POST', '/pushes/ticket'))['ticket'] as string;
  const result = await sim.api('/cgi-bin/component/api_component_token', '', {
    body: {
      component_appid: sim.platform.componentAppid,
      component_appsecret: sim.platform.componentAppsecret,
      component_verify_ticket: ticket,
    },
  });
  const token = result.json['component_access_token'];
  if (typeof token !== 'string') throw new Error(`no component token: ${result.text}`);
  return token;
}

/** The appid of the n-th demo mini-program that is not yet authorized (the demo seed leaves three). */
export async function unauthorizedApp(sim: TestSim, n = 0): Promise<string> {
  const state = await sim.control('GET', '/state');
  const apps = (state['merchants'] as { apps: { appid: string; authorization: unknown }[] }[])
    .flatMap((m) => m.apps)
    .filter((a) => a.authorization === null);
  return apps[n]!.appid;
}

/** A fresh merchant with one mini-program, seeded through the control API. */
export async function newApp(sim: TestSim, nickName = '测试小程序'): Promise<string> {
  const result = await sim.control('POST', '/merchants', {
    merchants: [{ name: `${nickName}商户`, apps: [{ nickName }] }],
  });
  return (result['merchants'] as { apps: string[] }[])[0]!.apps[0]!;
}

/** The pushes of one kind the simulator sent (its delivery log keeps the inner XML), parsed by the protocol. */
export async function pushesOf(sim: TestSim, kind: string): Promise<Push[]> {
  const log = (await sim.control('GET', `/pushes?limit=1000&kind=${kind}`))['pushes'] as {
    channel: 'component' | 'app';
    xml: string;
  }[];
  return log.map((p) => parsePush(p.xml, p.channel));
}

/** A multipart/form-data body with one file part and plain fields. */
export function multipart(
  file: { field: string; filename: string; contentType: string; data: Buffer },
  fields: Record<string, string> = {},
): { body: Buffer; headers: Record<string, string> } {
  const boundary = 'simboundary42';
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const body = Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } };
}
