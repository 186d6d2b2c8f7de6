/*
 * Runs the attacks of the hardening issue against a relay bundle and prints what happened, one line per attack.
 *   node --import tsx bench/relay-attacks.ts [path/to/cli.mjs]      (default: the bundle built from this tree)
 * Run it against an older bundle for the "before" column of the attack → before → after table (relay/README.md).
 */
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { freePort, relayBundle, spawnRelay } from '../relay/test/helpers/child-relay.js';
import type { ChildRelay } from '../relay/test/helpers/child-relay.js';
import { DeviceClient } from '../relay/test/helpers/device-client.js';
import { ticketKind } from '../relay/test/helpers/push-kinds.js';
import { WeChatPusher } from '../relay/test/helpers/pusher.js';
import { connectThrough } from '../relay/test/helpers/raw-http.js';
import { sleep, tempDir } from '../relay/test/helpers/relay-fixture.js';

const bundle = process.argv[2] ?? relayBundle();
// The usual server umask: files a relay creates without an explicit mode come out 0644.
process.umask(0o022);

interface World {
  relay: ChildRelay;
  dataDir: string;
  tokens: Record<string, string>;
  echoPort: number;
  close(): Promise<void>;
}

async function world(): Promise<World> {
  const echo = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  const echoPort = (echo.address() as AddressInfo).port;
  // A directory the relay creates itself, devices added with the bundle's own CLI: its file modes are its own.
  const dataDir = join(tempDir('wxfleet-relay-attack-'), 'data');
  const tokens: Record<string, string> = {};
  for (const name of ['desk', 'fuzz', 'tunnel']) {
    const out = execFileSync(process.execPath, [bundle, 'device', 'add', name, '--data-dir', dataDir], {
      encoding: 'utf8',
    });
    tokens[name] = out.trim().split('\n').pop()!;
  }
  const relay = await spawnRelay(
    dataDir,
    await freePort(),
    ['--log-level', 'info', '--egress-allow', `127.0.0.1:${echoPort}`],
    bundle,
  );
  return {
    relay,
    dataDir,
    tokens,
    echoPort,
    close: async () => {
      if (relay.proc.exitCode === null && relay.proc.signalCode === null) await relay.stop();
      echo.close();
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    },
  };
}

const wsUrl = (w: World): string => `${w.relay.url.replace('http', 'ws')}/ws`;
const stored = (w: World): number => {
  const db = new Database(join(w.dataDir, 'relay.db'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

type Attack = (w: World) => Promise<string>;

const attacks: [string, Attack][] = [
  [
    '32 concurrent anonymous GET /authorize/<random> during 20 valid pushes',
    async (w) => {
      const pusher = new WeChatPusher(w.relay.url, { retries: 0 });
      let flooding = true;
      const flood = Array.from({ length: 32 }, async () => {
        while (flooding) await fetch(`${w.relay.url}/authorize/${randomBytes(6).toString('hex')}`).catch(() => 0);
      });
      await sleep(200);
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          pusher.deliver(pusher.sign(ticketKind.inner(1718000000, `flood-${i}-${Math.random()}`), 'component')),
        ),
      );
      flooding = false;
      await Promise.all(flood);
      pusher.close();
      return `${outcomes.filter((o) => o.status === 503).length} of 20 pushes answered 503`;
    },
  ],
  [
    '10 s of pushes at 500/s with one device acking',
    async (w) => {
      const desk = new DeviceClient(wsUrl(w), w.tokens['desk']!, { reconnect: true });
      await desk.connect();
      const pusher = new WeChatPusher(w.relay.url, { retries: 0 });
      const pending: Promise<unknown>[] = [];
      const started = performance.now();
      for (let i = 0; i < 5_000; i++) {
        const due = started + i * 2;
        if (due > performance.now()) await sleep(due - performance.now());
        pending.push(
          pusher.deliver(pusher.sign(ticketKind.inner(1718000000, `load-${i}-${Math.random()}`), 'component')),
        );
      }
      await Promise.all(pending);
      pusher.close();
      desk.stop();
      return `${pusher.statuses.get(503) ?? 0} × 503 of 5000`;
    },
  ],
  [
    'one WebSocket frame {"type":"rpc_result",…,"error":{"code":{"toString":1}}}',
    async (w) => {
      const ws = new WebSocket(wsUrl(w), { headers: { authorization: `Bearer ${w.tokens['fuzz']}` } });
      const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
      ws.once('error', () => undefined);
      await new Promise((r) => ws.once('open', r));
      ws.send(JSON.stringify({ type: 'hello', version: 1, cursor: 0 }));
      ws.send('{"type":"rpc_result","id":"x","ok":false,"error":{"code":{"toString":1}}}');
      const code = await closed;
      const exited = await Promise.race([
        new Promise<boolean>((r) => w.relay.proc.once('exit', () => r(true))),
        fetch(`${w.relay.url}/healthz`).then(
          () => false,
          () => true,
        ),
      ]);
      return exited ? `process exited (socket closed ${code})` : `socket closed ${code}, process up`;
    },
  ],
  [
    '100 forged /authorize/<unknown>/done?auth_code=… callbacks',
    async (w) => {
      const before = stored(w);
      const statuses = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          fetch(`${w.relay.url}/authorize/forged${i}/done?auth_code=forged${i}&expires_in=600`).then((r) => r.status),
        ),
      );
      const counts = new Map<number, number>();
      for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
      return `${stored(w) - before} stored; answers ${[...counts].map(([s, n]) => `${n}×${s}`).join(' ')}`;
    },
  ],
  [
    '200 anonymous GETs of one invitation link',
    async (w) => {
      let rpcs = 0;
      const desk = new DeviceClient(wsUrl(w), w.tokens['desk']!, {
        onRpc: () => {
          rpcs++;
          return 'https://mp.weixin.qq.com/cgi-bin/componentloginpage?pre_auth_code=x';
        },
      });
      await desk.connect();
      desk.ws!.send(JSON.stringify({ type: 'invite', invite: { id: 'shared-link' } }));
      await sleep(200);
      const statuses = await Promise.all(
        Array.from({ length: 200 }, () => fetch(`${w.relay.url}/authorize/shared-link`).then((r) => r.status)),
      );
      desk.stop();
      return `${rpcs} authorizationUrl calls to the desktop; ${statuses.filter((s) => s === 429).length} × 429`;
    },
  ],
  [
    'revoke a device while its CONNECT tunnel is open',
    async (w) => {
      const port = Number(new URL(w.relay.url).port);
      const { socket } = await connectThrough(port, `127.0.0.1:${w.echoPort}`, w.tokens['tunnel']!);
      if (socket === null) return 'tunnel refused';
      socket.on('error', () => undefined);
      const closed = new Promise<number>((r) => socket.once('close', () => r(performance.now())));
      execFileSync(process.execPath, [bundle, 'device', 'revoke', 'tunnel', '--data-dir', w.dataDir]);
      const started = performance.now(); // the revocation is committed when the CLI returns
      const result = await Promise.race([closed, sleep(5_000).then(() => -1)]);
      if (result !== -1)
        return `tunnel closed ${Math.max(0, result - started).toFixed(0)} ms after the revoke committed`;
      const echoed = new Promise<string>((r) => socket.once('data', (d: Buffer) => r(d.toString())));
      socket.write('still-open');
      return `still echoing 5 s later ("${await Promise.race([echoed, sleep(1_000).then(() => '')])}")`;
    },
  ],
  [
    'one signed <Encrypt> replayed to /wechat/component and two /wechat/app/<appid> paths',
    async (w) => {
      const before = stored(w);
      const pusher = new WeChatPusher(w.relay.url, { retries: 0 });
      const push = pusher.sign(ticketKind.inner(1718000000, `replay-${Math.random()}`), 'component');
      const query = push.path.slice(push.path.indexOf('?'));
      for (const path of ['/wechat/component', '/wechat/app/wx1111222233334444', '/wechat/app/wx5555666677778888'])
        await pusher.post(path + query, push.body);
      pusher.close();
      return `stored ${stored(w) - before} time(s)`;
    },
  ],
  [
    'a validly signed push with timestamp 1000000000',
    async (w) => {
      const pusher = new WeChatPusher(w.relay.url, { retries: 0 });
      const push = pusher.sign(ticketKind.inner(1718000000, `old-${Math.random()}`), 'component', '1000000000');
      const res = await pusher.post(push.path, push.body);
      pusher.close();
      return res.body === 'success' ? 'accepted (success)' : `refused ${res.status}`;
    },
  ],
  [
    'GET /nope?access_token=<secret>',
    async (w) => {
      const secret = `TOKEN${randomBytes(8).toString('hex')}`;
      const res = await fetch(`${w.relay.url}/nope?access_token=${secret}`);
      const body = await res.text();
      await sleep(300);
      return `${res.status}; secret in log: ${w.relay.output().includes(secret) ? 'yes' : 'no'}, in response: ${body.includes(secret) ? 'yes' : 'no'}`;
    },
  ],
  [
    'file modes of relay.db, -wal, -shm and the data directory',
    async (w) => {
      const mode = (p: string): string => (statSync(p).mode & 0o777).toString(8);
      const db = join(w.dataDir, 'relay.db');
      return `db ${mode(db)}, wal ${mode(`${db}-wal`)}, shm ${mode(`${db}-shm`)}, dir ${mode(w.dataDir)}`;
    },
  ],
];

const results: [string, string][] = [];
for (const [name, attack] of attacks) {
  const w = await world();
  try {
    results.push([name, await attack(w)]);
  } catch (error) {
    results.push([name, `error: ${error instanceof Error ? error.message : String(error)}`]);
  } finally {
    await w.close();
  }
}
console.log(`bundle: ${bundle}`);
for (const [name, outcome] of results) console.log(`| ${name} | ${outcome} |`);
