import { createServer, connect as tcpConnect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { WxCrypt, buildEnvelope } from '@wxfleet/protocol';
import { AUTHORIZER_APPID, COMPONENT_APPID, PUSH_KINDS, ticketKind } from '../../relay/test/helpers/push-kinds.js';
import { TEST_AES_KEY, TEST_TOKEN, WeChatPusher } from '../../relay/test/helpers/pusher.js';
import { sleep, startRelay, waitUntil } from '../../relay/test/helpers/relay-fixture.js';
import type { TestRelay } from '../../relay/test/helpers/relay-fixture.js';
import { dedupeKey } from '../../relay/src/store/event-store.js';
import { MemoryCursorStore, MemoryDedupeStore, RelayClient } from '../../src-main/core/relay/client/index.js';
import type {
  AppliedEvent,
  CursorStore,
  PushCrypt,
  RejectedEvent,
  RelayClientOptions,
  RelayLogger,
  SocketFactory,
} from '../../src-main/core/relay/client/index.js';

const desktopCrypt = new WxCrypt({ token: TEST_TOKEN, encodingAESKey: TEST_AES_KEY, appId: COMPONENT_APPID });

/** One desktop profile: its durable stores survive client restarts, like files on disk. */
class Desk {
  readonly cursor = new MemoryCursorStore();
  readonly dedupe = new MemoryDedupeStore();
  readonly applied: AppliedEvent[] = [];
  readonly rejected: RejectedEvent[] = [];
  readonly logs: string[] = [];
  readonly sent: string[] = [];
  /** [acked seq, persisted cursor at the moment the ack left]. */
  readonly acks: [number, number][] = [];
  attempts = 0;
  private readonly clients: RelayClient[] = [];

  constructor(
    private readonly relay: TestRelay,
    readonly token: string,
  ) {}

  readonly logger: RelayLogger = {
    debug: (msg, fields) => this.logs.push(`debug ${msg} ${JSON.stringify(fields ?? {})}`),
    info: (msg, fields) => this.logs.push(`info ${msg} ${JSON.stringify(fields ?? {})}`),
    warn: (msg, fields) => this.logs.push(`warn ${msg} ${JSON.stringify(fields ?? {})}`),
    error: (msg, fields) => this.logs.push(`error ${msg} ${JSON.stringify(fields ?? {})}`),
  };

  /** Real `ws` sockets, with outgoing frames observed. */
  readonly createSocket: SocketFactory = (url, options) => {
    this.attempts++;
    const ws = new WebSocket(url, options);
    const send = ws.send.bind(ws) as (data: string, cb?: (error?: Error) => void) => void;
    ws.send = ((data: string, cb?: (error?: Error) => void) => {
      this.sent.push(data);
      const message = JSON.parse(data) as { type: string; seq?: number };
      if (message.type === 'ack') this.acks.push([message.seq ?? -1, this.cursor.value]);
      send(data, cb);
    }) as typeof ws.send;
    return ws;
  };

  client(overrides: Partial<RelayClientOptions> = {}): RelayClient {
    const client = new RelayClient({
      url: this.relay.url,
      deviceToken: this.token,
      crypt: desktopCrypt,
      cursorStore: this.cursor,
      dedupe: this.dedupe,
      apply: async (event) => void this.applied.push(event),
      reject: async (event) => void this.rejected.push(event),
      rpc: {
        authorizationUrl: async ({ inviteId, variant }) =>
          `https://mp.weixin.qq.com/cgi-bin/componentloginpage?i=${inviteId}&v=${variant}`,
      },
      logger: this.logger,
      createSocket: this.createSocket,
      backoff: { initialMs: 30, maxMs: 300 },
      pingIntervalMs: 1_000,
      stopTimeoutMs: 100,
      ...overrides,
    });
    this.clients.push(client);
    return client;
  }

  appliedSeqs(): number[] {
    return this.applied.map((e) => e.seq);
  }

  relayCursor(): number {
    this.relay.app.relay.store.devices.flushAcks();
    return this.relay.app.relay.store.devices.list().find((d) => d.name === 'desk')?.cursor ?? -1;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.stop()));
  }
}

let relay: TestRelay | undefined;
let pusher: WeChatPusher | undefined;
let desk: Desk | undefined;
/** Loopback servers a test started besides the relay. */
const servers: { close(): unknown }[] = [];

afterEach(async () => {
  await desk?.stopAll();
  pusher?.close();
  for (const server of servers.splice(0)) server.close();
  await relay?.close();
  relay = pusher = desk = undefined;
});

async function setup(ws: Record<string, number> = {}): Promise<{ relay: TestRelay; pusher: WeChatPusher; desk: Desk }> {
  relay = await startRelay({ ws: { pingIntervalMs: 1_000, sweepIntervalMs: 50, ...ws } });
  pusher = new WeChatPusher(relay.url, { retries: 0 });
  desk = new Desk(relay, relay.addDevice('desk'));
  return { relay, pusher, desk };
}

const headSeq = (r: TestRelay): number => r.app.relay.store.events.headSeq();

async function deliver(p: WeChatPusher, inner: string, channel: 'component' | 'app'): Promise<void> {
  const outcome = await p.deliver(p.sign(inner, channel));
  expect(outcome.body).toBe('success');
}

async function caughtUp(d: Desk, r: TestRelay): Promise<void> {
  await waitUntil(
    () => d.cursor.value === headSeq(r) && d.relayCursor() === headSeq(r),
    10_000,
    'desktop caught up and acked',
  );
}

describe('relay client against the real relay', () => {
  it('offline while pushes arrive, then reconnected: each push applied exactly once, in seq order', async () => {
    const { relay, pusher, desk } = await setup();
    // Every kind, one second apart, while no desktop is online.
    for (const [i, kind] of PUSH_KINDS.entries()) await deliver(pusher, kind.inner(1718000000 + i), kind.channel);
    // WeChat retries: the identical request (stored once by the relay) and re-signed ones (stored again).
    const identical = pusher.sign(PUSH_KINDS[3]!.inner(1718000003), 'component');
    for (let i = 0; i < 2; i++) expect((await pusher.deliver(identical)).body).toBe('success');
    await deliver(pusher, PUSH_KINDS[1]!.inner(1718000001), 'component');
    await deliver(pusher, PUSH_KINDS[7]!.inner(1718000007), 'app');
    // The relay completes only invitations a desktop told it about (sent earlier, when the invitation was made).
    await relay.app.relay.store.invites.upsert({ id: 'inv-1' });
    const authDone = await fetch(
      `${relay.url}/authorize/inv-1/done?auth_code=authcode%40%40%40secretcode&expires_in=3600`,
    );
    expect(authDone.status).toBe(200);
    expect(headSeq(relay)).toBe(PUSH_KINDS.length + 4);

    const client = desk.client();
    client.start();
    await caughtUp(desk, relay);

    expect(desk.appliedSeqs()).toEqual([...desk.appliedSeqs()].sort((a, b) => a - b));
    expect(new Set(desk.applied.map((e) => e.identity)).size).toBe(desk.applied.length);
    expect(desk.applied.map((e) => (e.kind === 'push' ? e.push.kind : e.kind))).toEqual([
      ...PUSH_KINDS.map((k) => k.name),
      'auth_callback',
    ]);
    expect(desk.applied.at(-1)).toMatchObject({
      kind: 'auth_callback',
      inviteId: 'inv-1',
      authCode: 'authcode@@@secretcode',
      expiresIn: 3600,
    });
    const app = desk.applied.find((e) => e.kind === 'push' && e.channel === 'app');
    expect(app).toMatchObject({ appid: AUTHORIZER_APPID, keyIndex: 0 });
    expect(desk.rejected).toEqual([]);
    // The cursor was durable before every ack.
    expect(desk.acks.length).toBeGreaterThan(0);
    for (const [seq, persisted] of desk.acks) expect(persisted).toBeGreaterThanOrEqual(seq);
    expect(client.status()).toMatchObject({ state: 'connected', cursor: headSeq(relay), backlog: 0 });

    // Live delivery on the open connection.
    await deliver(pusher, ticketKind.inner(1718009999, 'live'), 'component');
    await caughtUp(desk, relay);
    expect(desk.applied.length).toBe(PUSH_KINDS.length + 2);

    const logs = desk.logs.join('\n');
    for (const secret of [desk.token, 'ticket@@@', 'queryauthcode', 'authcode@@@', 'secretcode', 'preauthcode'])
      expect(logs).not.toContain(secret);
  });

  it('catches up a backlog larger than the relay window, in order, exactly once', async () => {
    const { relay, pusher, desk } = await setup({ window: 32, pageSize: 16 });
    const events = Array.from({ length: 400 }, (_, i) => {
      const signed = pusher.sign(ticketKind.inner(1718000000 + i), 'component', String(1718000000 + i), String(i));
      const query = new URLSearchParams(signed.path.split('?')[1]);
      return {
        channel: 'component' as const,
        appid: null,
        query: {
          timestamp: query.get('timestamp') ?? '',
          nonce: query.get('nonce') ?? '',
          msg_signature: query.get('msg_signature') ?? '',
        },
        body: signed.body,
        dedupeKey: dedupeKey('bulk', String(i)),
      };
    });
    relay.app.relay.store.events.appendMany(events);
    desk.client().start();
    await caughtUp(desk, relay);
    expect(desk.appliedSeqs()).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    for (const [seq, persisted] of desk.acks) expect(persisted).toBeGreaterThanOrEqual(seq);
  });

  it('never applies a push with a bad signature or a foreign key; records it and moves on', async () => {
    const { relay, pusher, desk } = await setup();
    await deliver(pusher, ticketKind.inner(1718000001), 'component');
    // A relay that lets a forged push through (bug or compromise): the desktop verifies again.
    const forged = pusher.sign(ticketKind.inner(1718000002, 'forged'), 'component');
    relay.app.relay.store.events.appendMany([
      {
        channel: 'component',
        appid: null,
        query: { timestamp: '1', nonce: '2', msg_signature: 'f'.repeat(40) },
        body: forged.body,
        dedupeKey: dedupeKey('forged'),
      },
    ]);
    // Correctly signed with the Token, encrypted with a key this platform never had: the relay cannot tell.
    const stranger = new WxCrypt({ token: TEST_TOKEN, encodingAESKey: 'Q'.repeat(43), appId: COMPONENT_APPID });
    const encrypt = stranger.encrypt(ticketKind.inner(1718000003));
    const query = `timestamp=5&nonce=6&msg_signature=${stranger.signature('5', '6', encrypt)}`;
    expect(
      (await pusher.post(`/wechat/component?${query}`, buildEnvelope(encrypt, { appId: COMPONENT_APPID }))).body,
    ).toBe('success');
    await deliver(pusher, ticketKind.inner(1718000004), 'component');

    desk.client().start();
    await caughtUp(desk, relay);
    expect(desk.appliedSeqs()).toEqual([1, 4]);
    expect(desk.rejected).toMatchObject([
      { kind: 'invalid', seq: 2, reason: 'bad_signature', raw: { seq: 2, body: forged.body } },
      { kind: 'invalid', seq: 3, reason: 'undecryptable' },
    ]);
  });

  it('stopped abruptly after apply, before the cursor was saved: no double apply and no loss after restart', async () => {
    const { relay, pusher, desk } = await setup();
    for (let i = 1; i <= 6; i++) await deliver(pusher, ticketKind.inner(1718000000 + i), 'component');
    let died = false;
    const dying: CursorStore = {
      load: () => desk.cursor.load(),
      save: (seq) => {
        if (seq !== 3) return desk.cursor.save(seq);
        died = true;
        return new Promise<void>(() => undefined); // the process is gone mid-write
      },
    };
    const first = desk.client({ cursorStore: dying });
    first.start();
    await waitUntil(() => died, 10_000, 'apply of seq 3');
    await first.stop();
    expect(desk.appliedSeqs()).toEqual([1, 2, 3]);
    expect(desk.cursor.value).toBe(2);
    await sleep(100);
    expect(desk.relayCursor()).toBe(2);

    desk.client().start();
    await caughtUp(desk, relay);
    expect(desk.appliedSeqs()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(desk.logs.some((l) => l.includes('duplicate') && l.includes('"seq":3'))).toBe(true);
  });

  it('stopped abruptly after the cursor was saved, before the ack: the restart resumes after it', async () => {
    const { relay, pusher, desk } = await setup();
    for (let i = 1; i <= 6; i++) await deliver(pusher, ticketKind.inner(1718000000 + i), 'component');
    const dying: CursorStore = {
      load: () => desk.cursor.load(),
      save: async (seq) => {
        await desk.cursor.save(seq);
        if (seq === 3) void first.stop();
      },
    };
    const first = desk.client({ cursorStore: dying });
    first.start();
    await waitUntil(() => desk.cursor.value === 3 && first.status().state === 'stopped', 10_000, 'seq 3 persisted');
    await sleep(100);
    expect(desk.acks.map(([seq]) => seq)).toEqual([1, 2]);
    expect(desk.relayCursor()).toBe(2);

    desk.client().start();
    await caughtUp(desk, relay);
    expect(desk.appliedSeqs()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(desk.logs.some((l) => l.includes('duplicate'))).toBe(false);
    expect(desk.sent.filter((f) => f.includes('"hello"')).at(-1)).toBe('{"type":"hello","version":1,"cursor":3}');
  });

  it('answers the launch page RPC with a fresh authorization URL, and errors with a code', async () => {
    const { relay, desk } = await setup();
    const asked: unknown[] = [];
    const client = desk.client({
      rpc: {
        authorizationUrl: async (params) => {
          asked.push(params);
          if (params.inviteId === 'broken')
            throw Object.assign(new Error('no component token'), { code: 'token_unavailable' });
          return `https://mp.weixin.qq.com/cgi-bin/componentloginpage?component_appid=${COMPONENT_APPID}&pre_auth_code=preauthcode@@@1`;
        },
      },
    });
    client.start();
    await waitUntil(() => client.status().state === 'connected', 5_000, 'connected');
    const page = await fetch(`${relay.url}/authorize/inv-7?variant=mobile`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('componentloginpage');
    expect(asked).toEqual([{ inviteId: 'inv-7', variant: 'mobile' }]);
    expect((await fetch(`${relay.url}/authorize/broken?variant=pc`)).status).toBe(502);
    expect(desk.sent.some((f) => f.includes('"ok":false') && f.includes('token_unavailable'))).toBe(true);
    expect(desk.logs.join('\n')).not.toContain('preauthcode');
  });

  it('queues invites while disconnected and sends them after welcome', async () => {
    const { relay, desk } = await setup();
    const client = desk.client();
    client.sendInvite({ id: 'inv-9', label: 'Shop A' });
    client.sendInvite({ id: 'inv-9', label: 'Shop A', revoked: true });
    expect(() => client.sendInvite({ id: '../etc' })).toThrow(RangeError);
    client.start();
    await waitUntil(() => relay.app.relay.store.invites.get('inv-9') !== null, 5_000, 'invite stored');
    expect(relay.app.relay.store.invites.get('inv-9')).toEqual({ id: 'inv-9', label: 'Shop A', revoked: true });
    expect((await fetch(`${relay.url}/authorize/inv-9`)).status).toBe(410);
  });
});

async function startProxy(port: number): Promise<{ url: string; freeze: () => void }> {
  const pairs: { frozen: boolean }[] = [];
  const server = createServer((down: Socket) => {
    const pair = { frozen: false };
    pairs.push(pair);
    const up = tcpConnect(port, '127.0.0.1');
    down.on('data', (data) => void (pair.frozen || up.write(data)));
    up.on('data', (data) => void (pair.frozen || down.write(data)));
    const end = (): void => {
      down.destroy();
      up.destroy();
    };
    for (const socket of [down, up]) socket.on('close', end).on('error', end);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze: () => pairs.forEach((p) => (p.frozen = true)),
  };
}

describe('relay client connection health', () => {
  it('a refused device token gives a clear status and is not retried soon', async () => {
    const { desk } = await setup();
    const unknown = `wxr_${'x'.repeat(43)}`;
    const client = desk.client({ deviceToken: unknown, unauthorizedRetryMs: 60_000 });
    client.start();
    await waitUntil(() => client.status().reason === 'unauthorized', 5_000, 'unauthorized');
    await sleep(400);
    const status = client.status();
    expect(desk.attempts).toBe(1);
    expect(status).toMatchObject({ state: 'disconnected', reason: 'unauthorized' });
    expect(status.detail).toMatch(/device token/);
    expect((status.nextRetryAt ?? 0) - status.since).toBe(60_000);
    expect(desk.logs.join('\n')).not.toContain(unknown);
  });

  it('a device revoked while connected is told so and backs off', async () => {
    const { relay, desk } = await setup();
    const client = desk.client({ unauthorizedRetryMs: 60_000 });
    client.start();
    await waitUntil(() => client.status().state === 'connected', 5_000, 'connected');
    relay.app.relay.store.devices.revoke('desk');
    await waitUntil(() => client.status().reason === 'unauthorized', 5_000, 'revocation noticed');
    await sleep(300);
    expect(desk.attempts).toBe(1);
  });

  it('an unreachable relay is retried with growing, capped, jittered delays', async () => {
    const { desk } = await setup();
    const { url: deadUrl } = await startProxy(1); // nothing listens on port 1: every upgrade fails
    const client = desk.client({ url: deadUrl, backoff: { initialMs: 20, maxMs: 160, factor: 2, jitter: 0.5 } });
    const delays: number[] = [];
    client.onStatus((s) => s.nextRetryAt !== null && delays.push(s.nextRetryAt - s.since));
    client.start();
    await waitUntil(() => delays.length >= 6, 5_000, 'six retries');
    expect(client.status().reason).toBe('network');
    for (const [i, delay] of delays.slice(0, 6).entries()) {
      const base = Math.min(160, 20 * 2 ** i);
      expect(delay).toBeGreaterThanOrEqual(base / 2);
      expect(delay).toBeLessThanOrEqual(base);
    }
  });

  it('drops a silent connection after two ping intervals and reconnects', async () => {
    const { relay, pusher, desk } = await setup({ pingIntervalMs: 10_000 });
    const proxy = await startProxy(Number(new URL(relay.url).port));
    const client = desk.client({ url: proxy.url, pingIntervalMs: 250 });
    const reasons: (string | null)[] = [];
    client.onStatus((s) => reasons.push(s.reason));
    client.start();
    await waitUntil(() => client.status().state === 'connected', 5_000, 'connected');
    proxy.freeze();
    await waitUntil(() => reasons.includes('dead'), 3_000, 'dead connection noticed');
    await waitUntil(() => client.status().state === 'connected', 5_000, 'reconnected');
    await deliver(pusher, ticketKind.inner(1718000001), 'component');
    await caughtUp(desk, relay);
    expect(desk.appliedSeqs()).toEqual([1]);
  });

  it('a gap is asked for once more, then recorded as missing, never skipped silently', async () => {
    const { relay, pusher, desk } = await setup();
    for (let i = 1; i <= 6; i++) await deliver(pusher, ticketKind.inner(1718000000 + i), 'component');
    relay.app.relay.store.db.prepare('DELETE FROM events WHERE seq IN (3, 4)').run();
    desk.client().start();
    await caughtUp(desk, relay);
    expect(desk.appliedSeqs()).toEqual([1, 2, 5, 6]);
    expect(desk.rejected).toMatchObject([{ kind: 'missing', fromSeq: 3, toSeq: 4 }]);
    expect(desk.attempts).toBe(2);
  });

  it('a relay whose queue was reset (head behind the cursor) is replayed from the start', async () => {
    const { relay, pusher, desk } = await setup();
    desk.cursor.value = 50;
    for (let i = 1; i <= 3; i++) await deliver(pusher, ticketKind.inner(1718000000 + i), 'component');
    desk.client().start();
    await caughtUp(desk, relay);
    expect(desk.appliedSeqs()).toEqual([1, 2, 3]);
    expect(desk.sent.filter((f) => f.includes('"hello"'))).toEqual([
      '{"type":"hello","version":1,"cursor":50}',
      '{"type":"hello","version":1,"cursor":0}',
    ]);
  });

  it('without platform credentials pushes wait on the relay, then apply once they are set', async () => {
    const { relay, pusher, desk } = await setup();
    for (let i = 1; i <= 2; i++) await deliver(pusher, ticketKind.inner(1718000000 + i), 'component');
    let crypt: PushCrypt | null = null;
    const client = desk.client({ crypt: () => crypt });
    client.start();
    await waitUntil(() => client.status().reason === 'credentials_missing', 5_000, 'credentials missing');
    expect(desk.applied).toEqual([]);
    expect(desk.cursor.value).toBe(0);
    crypt = desktopCrypt;
    await caughtUp(desk, relay);
    expect(desk.appliedSeqs()).toEqual([1, 2]);
  });
});

describe('relay client against a misbehaving relay', () => {
  async function fakeRelay(onHello: (socket: WebSocket) => void): Promise<string> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.on('listening', resolve));
    wss.on('connection', (socket) => socket.once('message', () => onHello(socket)));
    servers.push(wss);
    return `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/ws`;
  }

  it('gives up on a hello nobody welcomes', async () => {
    const { desk } = await setup();
    const url = await fakeRelay(() => undefined);
    const client = desk.client({ url, pingIntervalMs: 100 });
    client.start();
    await waitUntil(() => client.status().reason === 'protocol', 2_000, 'welcome timeout');
    expect(client.status().detail).toMatch(/no welcome/);
  });

  it('tells the user when the relay speaks another protocol version, and retries only slowly', async () => {
    const { desk } = await setup();
    const url = await fakeRelay((socket) => socket.send('{"type":"welcome","version":2,"headSeq":0}'));
    const client = desk.client({ url, unauthorizedRetryMs: 60_000 });
    client.start();
    await waitUntil(() => client.status().reason === 'incompatible', 2_000, 'incompatible');
    await sleep(200);
    expect(desk.attempts).toBe(1);
  });
});
