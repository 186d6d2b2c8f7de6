import { describe, expect, it } from 'vitest';
import { buildEnvelope, WxCrypt } from '@wxfleet/protocol';
import { Backoff } from '../../src-main/core/relay/client/backoff.js';
import { DeliveryQueue } from '../../src-main/core/relay/client/delivery-queue.js';
import { silentLogger } from '../../src-main/core/relay/client/defaults.js';
import { InviteOutbox } from '../../src-main/core/relay/client/invite-outbox.js';
import { MemoryCursorStore, MemoryDedupeStore } from '../../src-main/core/relay/client/memory-stores.js';
import { decodeFrame } from '../../src-main/core/relay/client/push-decoder.js';
import { PushHandler } from '../../src-main/core/relay/client/push-handler.js';
import { answerRpc } from '../../src-main/core/relay/client/rpc-responder.js';
import type { AppliedEvent, RejectedEvent } from '../../src-main/core/relay/client/types.js';
import { parseServerMessage, toWebSocketUrl, WireError } from '../../src-main/core/relay/client/wire.js';
import type { PushFrame } from '../../src-main/core/relay/client/wire.js';

const TOKEN = 'unitToken1';
const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const OLD_KEY = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg';
const APPID = 'wx0a1b2c3d4e5f6a7b';
const crypt = new WxCrypt({ token: TOKEN, encodingAESKey: KEY, appId: APPID, previousEncodingAESKeys: [OLD_KEY] });
const oldCrypt = new WxCrypt({ token: TOKEN, encodingAESKey: OLD_KEY, appId: APPID });

const ticket = (t: number): string =>
  `<xml><AppId><![CDATA[${APPID}]]></AppId><CreateTime>${t}</CreateTime><InfoType><![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA[ticket@@@secret${t}]]></ComponentVerifyTicket></xml>`;

function frame(seq: number, inner: string, sealer = crypt, timestamp = '1718000000', nonce = '42'): PushFrame {
  const encrypt = sealer.encrypt(inner);
  return {
    seq,
    receivedAt: '2026-01-01T00:00:00.000Z',
    channel: 'component',
    appid: null,
    query: { timestamp, nonce, msg_signature: sealer.signature(timestamp, nonce, encrypt) },
    body: buildEnvelope(encrypt, { appId: APPID }),
  };
}

describe('wire', () => {
  it('parses welcome, push and rpc and tolerates unknown types', () => {
    expect(parseServerMessage('{"type":"welcome","version":1,"headSeq":7}')).toEqual({
      type: 'welcome',
      version: 1,
      headSeq: 7,
    });
    const push = parseServerMessage(JSON.stringify({ type: 'push', ...frame(3, ticket(1)) }));
    expect(push.type === 'push' && push.frame.seq).toBe(3);
    expect(parseServerMessage('{"type":"rpc","id":"a","method":"authorizationUrl","params":{}}').type).toBe('rpc');
    expect(parseServerMessage('{"type":"news"}')).toEqual({ type: 'other', name: 'news' });
  });

  it('refuses frames it cannot use, but keeps the seq of a malformed push', () => {
    expect(() => parseServerMessage('nope')).toThrow(WireError);
    expect(() => parseServerMessage('{"type":"push","seq":-1}')).toThrow(WireError);
    const push = parseServerMessage('{"type":"push","seq":4,"channel":"component"}');
    expect(push.type === 'push' && push.frame.problem).toMatch(/body/);
  });

  it('derives the /ws endpoint from a relay origin', () => {
    expect(toWebSocketUrl('https://relay.example.com')).toBe('wss://relay.example.com/ws');
    expect(toWebSocketUrl('ws://127.0.0.1:9/ws')).toBe('ws://127.0.0.1:9/ws');
  });
});

describe('push decoding', () => {
  it('verifies, decrypts with a previous key and hashes the identity (it holds the ticket)', () => {
    const decoded = decodeFrame(frame(1, ticket(5), oldCrypt), crypt);
    expect(decoded).toMatchObject({
      ok: true,
      event: { kind: 'push', keyIndex: 1, push: { kind: 'component_verify_ticket' } },
    });
    if (decoded === 'needs_crypt' || !decoded.ok) throw new Error('not decoded');
    expect(decoded.event.identity).toMatch(/^[0-9a-f]{64}$/);
  });

  it('re-signed retries of one push share one identity', () => {
    const a = decodeFrame(frame(1, ticket(5), crypt, '1', '1'), crypt);
    const b = decodeFrame(frame(2, ticket(5), crypt, '2', '2'), crypt);
    if (a === 'needs_crypt' || !a.ok || b === 'needs_crypt' || !b.ok) throw new Error('not decoded');
    expect(a.event.identity).toBe(b.event.identity);
  });

  it('rejects a bad signature, a foreign key and a broken envelope', () => {
    const f = frame(1, ticket(5));
    expect(decodeFrame({ ...f, query: { ...f.query, msg_signature: '0'.repeat(40) } }, crypt)).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    const stranger = new WxCrypt({ token: TOKEN, encodingAESKey: 'q'.repeat(43), appId: APPID });
    expect(decodeFrame(frame(1, ticket(5), stranger), crypt)).toMatchObject({ ok: false, reason: 'undecryptable' });
    expect(decodeFrame({ ...f, body: '<xml><AppId>x</AppId></xml>' }, crypt)).toMatchObject({
      ok: false,
      reason: 'bad_envelope',
    });
    expect(decodeFrame({ ...f, channel: 'mystery' }, crypt)).toMatchObject({ ok: false, reason: 'unknown_channel' });
    expect(decodeFrame(f, null)).toBe('needs_crypt');
  });

  it('reads an authorization callback', () => {
    const f: PushFrame = {
      ...frame(1, ''),
      channel: 'auth_callback',
      body: 'invite_id=inv1&auth_code=code%40%40%40x&expires_in=3600',
    };
    expect(decodeFrame(f, null)).toMatchObject({
      ok: true,
      event: { kind: 'auth_callback', inviteId: 'inv1', authCode: 'code@@@x', expiresIn: 3600 },
    });
    expect(decodeFrame({ ...f, body: 'invite_id=inv1' }, null)).toMatchObject({
      ok: false,
      reason: 'bad_auth_callback',
    });
  });
});

describe('push handler', () => {
  function handler(apply: (e: AppliedEvent) => Promise<void>, maxApplyAttempts = 3) {
    const cursor = new MemoryCursorStore();
    const rejected: RejectedEvent[] = [];
    const h = new PushHandler({
      crypt: () => crypt,
      cursorStore: cursor,
      dedupe: new MemoryDedupeStore(),
      apply,
      reject: async (e) => void rejected.push(e),
      logger: silentLogger,
      maxApplyAttempts,
      onPersisted: () => undefined,
    });
    return { h, cursor, rejected };
  }

  it('applies once, skips a duplicate identity, records an invalid push; the cursor follows each', async () => {
    const applied: number[] = [];
    const { h, cursor, rejected } = handler(async (e) => void applied.push(e.seq));
    expect(await h.handle(frame(1, ticket(1)))).toBe('applied');
    expect(await h.handle(frame(2, ticket(1), crypt, '9', '9'))).toBe('duplicate');
    const bad = frame(3, ticket(2));
    expect(await h.handle({ ...bad, query: { ...bad.query, nonce: '43' } })).toBe('rejected');
    expect(applied).toEqual([1]);
    expect(cursor.value).toBe(3);
    expect(rejected).toMatchObject([{ kind: 'invalid', seq: 3, reason: 'bad_signature', raw: { seq: 3 } }]);
  });

  it('leaves the cursor alone while apply fails, and records the push after maxApplyAttempts', async () => {
    const { h, cursor, rejected } = handler(async () => {
      throw new Error('disk full');
    }, 2);
    await expect(h.handle(frame(1, ticket(1)))).rejects.toThrow('disk full');
    expect(cursor.value).toBe(0);
    expect(await h.handle(frame(1, ticket(1)))).toBe('rejected');
    expect(cursor.value).toBe(1);
    expect(rejected).toMatchObject([{ kind: 'apply_failed', seq: 1, attempts: 2 }]);
  });
});

describe('delivery queue', () => {
  function queue(gapDecision: 'retry' | 'continue' = 'continue') {
    const handled: number[] = [];
    const acks: number[] = [];
    const gaps: string[] = [];
    const failures: number[] = [];
    const q = new DeliveryQueue({
      handle: async (f) => {
        await new Promise((r) => setTimeout(r, 1));
        if (f.body === 'fail') throw new Error('boom');
        handled.push(f.seq);
      },
      ack: (seq) => acks.push(seq),
      onGap: async (from, to) => {
        gaps.push(`${from}-${to}`);
        return gapDecision;
      },
      onFailure: (_e, seq) => failures.push(seq),
      logger: silentLogger,
    });
    return { q, handled, acks, gaps, failures };
  }
  const f = (seq: number, body = ''): PushFrame => ({ ...frame(seq, ''), body });

  it('handles in seq order, one at a time, drops repeats and reports a gap before going on', async () => {
    const { q, handled, acks, gaps } = queue();
    q.begin(2);
    for (const seq of [2, 3, 4, 4, 3, 7, 8]) q.enqueue(f(seq));
    await q.idle();
    expect(handled).toEqual([3, 4, 7, 8]);
    expect(acks).toEqual([3, 4, 7, 8]);
    expect(gaps).toEqual(['5-6']);
  });

  it('stops at a failure so nothing after it is applied out of order', async () => {
    const { q, handled, failures } = queue();
    q.begin(0);
    for (const seq of [1, 2, 3]) q.enqueue(f(seq, seq === 2 ? 'fail' : ''));
    await q.idle();
    expect(handled).toEqual([1]);
    expect(failures).toEqual([2]);
    q.enqueue(f(4));
    await q.idle();
    expect(handled).toEqual([1]);
  });

  it('does not ack on a new connection what an old one left in flight', async () => {
    const { q, handled, acks } = queue();
    q.begin(0);
    q.enqueue(f(1));
    q.halt();
    await q.idle();
    expect(handled).toEqual([1]);
    expect(acks).toEqual([]);
  });
});

describe('backoff, invites, rpc', () => {
  it('grows exponentially with jitter up to the cap, and resets', () => {
    const b = new Backoff({ initialMs: 100, maxMs: 1_000, factor: 2, jitter: 0.5 }, () => 1);
    expect([b.next(), b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    b.reset();
    const low = new Backoff({ initialMs: 100, jitter: 0.5 }, () => 0);
    expect(low.next()).toBe(50);
    expect(b.next()).toBe(100);
  });

  it('keeps the latest invite per id and refuses an id the relay would drop the connection for', () => {
    const outbox = new InviteOutbox();
    outbox.add({ id: 'a', label: 'one' });
    outbox.add({ id: 'a', label: 'two' });
    expect(() => outbox.add({ id: 'bad id!' })).toThrow(RangeError);
    const sent: string[] = [];
    outbox.flush((frame) => sent.push(frame) > 0);
    expect(sent).toEqual(['{"type":"invite","invite":{"id":"a","label":"two"}}']);
    expect(outbox.size).toBe(0);
  });

  it('answers authorizationUrl, and errors with a code for bad params, unknown methods and failures', async () => {
    const handlers = {
      authorizationUrl: async ({ inviteId }: { inviteId: string }) => {
        if (inviteId === 'boom') throw Object.assign(new Error('component token unavailable'), { code: 'no_token' });
        return `https://mp.weixin.qq.com/cgi-bin/componentloginpage?invite=${inviteId}`;
      },
    };
    expect(
      await answerRpc('1', 'authorizationUrl', { inviteId: 'x', variant: 'pc' }, handlers, silentLogger),
    ).toMatchObject({ ok: true });
    expect(await answerRpc('2', 'authorizationUrl', { inviteId: 'x' }, handlers, silentLogger)).toMatchObject({
      ok: false,
      error: { code: 'bad_params' },
    });
    expect(await answerRpc('3', 'reboot', {}, handlers, silentLogger)).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(
      await answerRpc('4', 'authorizationUrl', { inviteId: 'boom', variant: 'mobile' }, handlers, silentLogger),
    ).toEqual({
      type: 'rpc_result',
      id: '4',
      ok: false,
      error: { code: 'no_token', message: 'component token unavailable' },
    });
  });
});
