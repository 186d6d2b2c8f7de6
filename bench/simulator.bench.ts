import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './bench-row.js';

interface SimInfo {
  pid: number;
  url: string;
  controlKey: string;
  platform: { componentAppid: string; componentAppsecret: string };
  stop(): Promise<void>;
}

const CLI = fileURLToPath(new URL('../simulator/src/cli.ts', import.meta.url));
const PROTOCOL_DIST = fileURLToPath(new URL('../protocol/dist/index.js', import.meta.url));

/** The simulator runs in its own process, so the load generator does not steal its event loop. */
async function startSim(config: object): Promise<SimInfo> {
  if (!existsSync(PROTOCOL_DIST)) throw new Error('build the protocol first: npm run build:protocol');
  const configFile = fileURLToPath(new URL(`./.sim-bench-${process.pid}-${Date.now()}.json`, import.meta.url));
  const { writeFile, rm } = await import('node:fs/promises');
  await writeFile(configFile, JSON.stringify(config));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, '--json', '--port', '0', '--seed', 'demo', '--config', configFile],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  await rm(configFile, { force: true });
  const info = JSON.parse(line) as Omit<SimInfo, 'stop'>;
  return {
    ...info,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function call(
  agent: Agent,
  url: string,
  method: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: body === undefined ? headers : { ...headers, 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Ticket → component token → authorize a demo app → authorizer token, the way a client does. */
async function authorizerToken(sim: SimInfo, agent: Agent): Promise<string> {
  const control = (method: string, path: string, body?: object) =>
    call(agent, `${sim.url}/__sim${path}`, method, body && JSON.stringify(body), { 'X-Sim-Key': sim.controlKey }).then(
      (r) => JSON.parse(r.text) as Record<string, unknown>,
    );
  const state = await control('GET', '/state');
  const ticket = (state['platform'] as { latestTicket: string }).latestTicket;
  const appid = (state['merchants'] as { apps: { appid: string; authorization: unknown }[] }[])
    .flatMap((m) => m.apps)
    .find((a) => a.authorization === null)!.appid;
  const tokenReply = await call(
    agent,
    `${sim.url}/cgi-bin/component/api_component_token`,
    'POST',
    JSON.stringify({
      component_appid: sim.platform.componentAppid,
      component_appsecret: sim.platform.componentAppsecret,
      component_verify_ticket: ticket,
    }),
  );
  const componentToken = (JSON.parse(tokenReply.text) as { component_access_token: string }).component_access_token;
  const grant = await control('POST', '/merchant/authorize', { appid });
  const auth = await call(
    agent,
    `${sim.url}/cgi-bin/component/api_query_auth?component_access_token=${componentToken}`,
    'POST',
    JSON.stringify({ component_appid: sim.platform.componentAppid, authorization_code: grant['authCode'] }),
  );
  return (JSON.parse(auth.text) as { authorization_info: { authorizer_access_token: string } }).authorization_info
    .authorizer_access_token;
}

/**
 * One keep-alive connection that sends the next request as soon as the previous response is complete. A raw
 * socket keeps the load generator cheap, so on two cores it measures the simulator rather than node's http client.
 */
function connectionLoop(url: URL, raw: Buffer, deadline: number, latencies: number[]): Promise<number> {
  return new Promise((resolve, reject) => {
    let failures = 0;
    let pending: Buffer = Buffer.alloc(0);
    let started = 0;
    const socket = connect({ host: url.hostname, port: Number(url.port) }, send);
    socket.setNoDelay(true);
    function send(): void {
      if (performance.now() >= deadline) {
        socket.end();
        resolve(failures);
        return;
      }
      started = performance.now();
      socket.write(raw);
    }
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      const headerEnd = pending.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const head = pending.subarray(0, headerEnd).toString('latin1');
      const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (pending.length < headerEnd + 4 + length) return;
      const body = pending.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      if (!head.startsWith('HTTP/1.1 200') || !body.includes('"errcode":0')) failures++;
      pending = pending.subarray(headerEnd + 4 + length);
      latencies.push(performance.now() - started);
      send();
    });
    socket.on('error', reject);
  });
}

/** `clients` keep-alive connections for `seconds`; returns every latency in ms. */
async function load(target: string, clients: number, seconds: number, method: string, body = ''): Promise<number[]> {
  const url = new URL(target);
  const raw = Buffer.from(
    `${method} ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const failures = await Promise.all(
    Array.from({ length: clients }, () => connectionLoop(url, raw, deadline, latencies)),
  );
  const failed = failures.reduce((a, b) => a + b, 0);
  if (failed > 0) throw new Error(`${failed} calls failed during the benchmark`);
  return latencies;
}

/** CPU seconds (user + system) the simulator process has used; Linux only (clock ticks of 1/100 s). */
async function cpuSeconds(pid: number): Promise<number | null> {
  try {
    const { readFile } = await import('node:fs/promises');
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const quota = { quota: { dailyLimit: 1_000_000_000 }, push: { componentEventUrl: null } };

  const fast = await startSim(quota);
  try {
    const agent = new Agent({ keepAlive: true });
    const token = await authorizerToken(fast, agent);
    agent.destroy();
    const url = `${fast.url}/wxa/getvisitstatus?access_token=${token}`;
    await load(url, 16, 0.5, 'POST', '{}');
    const seconds = 4;
    const cpuBefore = await cpuSeconds(fast.pid);
    const latencies = await load(url, 32, seconds, 'POST', '{}');
    const cpuAfter = await cpuSeconds(fast.pid);
    const perSecond = latencies.length / seconds;
    rows.push({
      name: 'simulator API calls/s (loopback, 32 keep-alive connections, no latency)',
      value: perSecond,
      unit: 'calls/s',
      baseline: 5000,
      ratio: perSecond / 5000,
      goal: '≥ 5,000/s',
    });
    if (cpuBefore !== null && cpuAfter !== null && cpuAfter > cpuBefore) {
      // The load generator shares the two cores; calls per CPU-second is the simulator's own capacity.
      const capacity = latencies.length / (cpuAfter - cpuBefore);
      rows.push({
        name: 'simulator API calls per CPU-second of the simulator process',
        value: capacity,
        unit: 'calls/s',
        baseline: 5000,
        ratio: capacity / 5000,
        goal: '≥ 5,000/s',
      });
    }
    latencies.sort((a, b) => a - b);
    rows.push({ name: 'simulator call p99 at full load', value: percentile(latencies, 99), unit: 'ms' });
  } finally {
    await fast.stop();
  }

  const injected = 50;
  const slow = await startSim({ ...quota, latencyMs: injected });
  try {
    const agent = new Agent({ keepAlive: true });
    const token = await authorizerToken(slow, agent);
    agent.destroy();
    const latencies = (await load(`${slow.url}/wxa/getvisitstatus?access_token=${token}`, 8, 3, 'POST', '{}')).sort(
      (a, b) => a - b,
    );
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    rows.push({
      name: `simulator injected ${injected} ms latency: measured p50`,
      value: p50,
      unit: 'ms',
      baseline: injected,
      ratio: injected / p50,
      goal: `${injected}–${injected + 5} ms`,
    });
    rows.push({
      name: `simulator injected ${injected} ms latency: measured p99`,
      value: p99,
      unit: 'ms',
      baseline: injected,
      ratio: injected / p99,
      goal: `< ${injected + 15} ms`,
    });
  } finally {
    await slow.stop();
  }
  return rows;
}
