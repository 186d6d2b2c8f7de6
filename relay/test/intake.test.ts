import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PUSH_KINDS, ticketKind } from './helpers/push-kinds.js';
import { WeChatPusher } from './helpers/pusher.js';
import type { SignedPush } from './helpers/pusher.js';
import { startRelay } from './helpers/relay-fixture.js';
import type { TestRelay } from './helpers/relay-fixture.js';

let relay: TestRelay;
let pusher: WeChatPusher;
beforeEach(async () => {
  relay = await startRelay({}, false);
  pusher = new WeChatPusher('http://relay.invalid');
});
afterEach(() => relay.close());

const inject = (push: SignedPush) =>
  relay.app.inject({ method: 'POST', url: push.path, payload: push.body, headers: { 'content-type': 'text/xml' } });

describe('push intake', () => {
  it.each(PUSH_KINDS.map((k) => [k.name, k] as const))(
    'stores %s and answers exactly "success" as text/plain 200',
    async (_name, kind) => {
      const push = pusher.sign(kind.inner(1718000000), kind.channel);
      const res = await inject(push);
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe('success');
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      const [stored] = relay.app.relay.store.events.page(0, 10);
      expect(stored?.body).toBe(push.body);
      expect(stored?.channel).toBe(kind.channel);
      expect(stored?.appid).toBe(kind.channel === 'app' ? 'wx1111222233334444' : null);
      expect(pusher.crypt.decrypt(push.encrypt)).toBe(kind.inner(1718000000));
    },
  );

  it('refuses a wrong or missing msg_signature with 401 and stores nothing', async () => {
    const push = pusher.sign(ticketKind.inner(1718000000), 'component');
    const wrong = push.path.replace(/msg_signature=[0-9a-f]+/, `msg_signature=${'0'.repeat(40)}`);
    const missing = push.path.replace(/&msg_signature=[0-9a-f]+/, '');
    const other = new WeChatPusher('http://x', { token: 'someOtherToken' }).sign(
      ticketKind.inner(1718000000),
      'component',
    );
    for (const url of [
      wrong,
      missing,
      other.path.replace(/msg_signature=[0-9a-f]+/, push.path.match(/msg_signature=([0-9a-f]+)/)![0]),
    ]) {
      const res = await relay.app.inject({
        method: 'POST',
        url,
        payload: push.body,
        headers: { 'content-type': 'text/xml' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toBe('success');
    }
    // Signed with another Token: valid shape, wrong secret.
    expect((await inject(other)).statusCode).toBe(401);
    expect(relay.app.relay.store.events.count()).toBe(0);
  });

  it('stores retries and concurrent duplicates of one <Encrypt> once, even re-signed with a new timestamp', async () => {
    const push = pusher.sign(ticketKind.inner(1718000000), 'component');
    const results = await Promise.all(Array.from({ length: 8 }, () => inject(push)));
    expect(results.map((r) => r.body)).toEqual(Array(8).fill('success'));
    const timestamp = String(Number(push.path.match(/timestamp=(\d+)/)![1]) + 7);
    const signature = pusher.crypt.signature(timestamp, '42', push.encrypt);
    const resigned = `/wechat/component?timestamp=${timestamp}&nonce=42&encrypt_type=aes&msg_signature=${signature}`;
    expect((await relay.app.inject({ method: 'POST', url: resigned, payload: push.body })).body).toBe('success');
    expect(relay.app.relay.store.events.count()).toBe(1);
    // Duplicates do not burn sequence numbers: the next event is seq 2, leaving no gap for devices.
    await inject(pusher.sign(ticketKind.inner(1718000001), 'component'));
    expect(relay.app.relay.store.events.page(0, 10).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('keeps two different events of the same second', async () => {
    const now = String(Math.floor(Date.now() / 1000));
    const a = pusher.sign(ticketKind.inner(1718000000, 'A'), 'component', now, '1');
    const b = pusher.sign(ticketKind.inner(1718000000, 'B'), 'component', now, '1');
    await Promise.all([inject(a), inject(b)]);
    expect(
      relay.app.relay.store.events
        .page(0, 10)
        .map((e) => e.body)
        .sort(),
    ).toEqual([a.body, b.body].sort());
  });

  it('stores one signed <Encrypt> once, whichever path it is replayed to', async () => {
    const push = pusher.sign(ticketKind.inner(1718000000, 'replayed'), 'component');
    const query = push.path.slice(push.path.indexOf('?'));
    for (const path of ['/wechat/component', '/wechat/app/wx1111222233334444', '/wechat/app/wx9999aaaabbbbcccc']) {
      const res = await relay.app.inject({ method: 'POST', url: path + query, payload: push.body });
      expect(res.body).toBe('success');
    }
    expect(relay.app.relay.store.events.count()).toBe(1);
    const other = await relay.app.inject({
      method: 'POST',
      url: '/wechat/app/not-an-appid' + query,
      payload: push.body,
    });
    expect(other.statusCode).toBe(404);
  });

  it('refuses a validly signed push whose timestamp is outside the tolerance, and stores nothing', async () => {
    const strict = await startRelay({ push: { timestampToleranceMs: 3600_000 } }, false);
    try {
      const now = Math.floor(Date.now() / 1000);
      for (const timestamp of [1000000000, now - 7200, now + 7200]) {
        const push = pusher.sign(ticketKind.inner(1718000000, String(timestamp)), 'component', String(timestamp));
        const res = await strict.app.inject({ method: 'POST', url: push.path, payload: push.body });
        expect(res.statusCode).toBe(401);
        expect(res.body).not.toBe('success');
      }
      expect(strict.app.relay.store.events.count()).toBe(0);
      const fresh = pusher.sign(ticketKind.inner(1718000000, 'fresh'), 'component', String(now - 60));
      expect((await strict.app.inject({ method: 'POST', url: fresh.path, payload: fresh.body })).body).toBe('success');
    } finally {
      await strict.close();
    }
  });

  it('accepts either Token while the Token is being changed', async () => {
    const two = await startRelay({ wechatTokens: ['oldToken123', 'relayTestToken1'] }, false);
    try {
      for (const token of ['oldToken123', 'relayTestToken1']) {
        const push = new WeChatPusher('http://x', { token }).sign(ticketKind.inner(1718000001), 'component');
        const res = await two.app.inject({ method: 'POST', url: push.path, payload: push.body });
        expect(res.body).toBe('success');
      }
    } finally {
      await two.close();
    }
  });

  it('answers 503, never success, when storage fails', async () => {
    // A failing commit (as on a full or broken disk) in the commit worker's transaction.
    relay.app.relay.store.db.exec(
      "CREATE TRIGGER fail BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END",
    );
    const res = await inject(pusher.sign(ticketKind.inner(1718000000), 'component'));
    expect(res.statusCode).toBe(503);
    expect(res.body).not.toBe('success');
  });
});
