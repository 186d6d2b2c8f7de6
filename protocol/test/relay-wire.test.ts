import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOSE,
  closeReason,
  formatAck,
  formatHello,
  formatInvite,
  formatPush,
  formatRpc,
  formatRpcResult,
  formatWelcome,
  isAppid,
  parseClientFrame,
  parseServerFrame,
  WireError,
} from '../src/index.js';

describe('relay wire: client frames', () => {
  it('round-trips every client frame the desktop formats', () => {
    expect(parseClientFrame(formatHello(7))).toEqual({ type: 'hello', version: 1, cursor: 7 });
    expect(parseClientFrame(formatAck(3))).toEqual({ type: 'ack', seq: 3 });
    expect(parseClientFrame(formatInvite({ id: 'inv_1', label: '商户', revoked: false }))).toEqual({
      type: 'invite',
      invite: { id: 'inv_1', label: '商户', revoked: false },
    });
    const ok = { type: 'rpc_result' as const, id: 'a-1', ok: true as const, value: { url: 'https://x' } };
    expect(parseClientFrame(formatRpcResult(ok))).toEqual(ok);
    const failed = { type: 'rpc_result' as const, id: 'a-1', ok: false as const, error: { code: 'x', message: 'm' } };
    expect(parseClientFrame(formatRpcResult(failed))).toEqual(failed);
  });

  it.each([
    ['not JSON', '{'],
    ['array', '[]'],
    ['unknown type', '{"type":"subscribe"}'],
    ['hello without cursor', '{"type":"hello","version":1}'],
    ['negative ack', '{"type":"ack","seq":-1}'],
    ['fractional ack', '{"type":"ack","seq":1.5}'],
    [
      'error code object (crashed the relay once)',
      '{"type":"rpc_result","id":"x","ok":false,"error":{"code":{"toString":1}}}',
    ],
    ['numeric rpc id', '{"type":"rpc_result","id":5,"ok":true,"value":1}'],
    ['invite id with slash', '{"type":"invite","invite":{"id":"a/b"}}'],
    ['invite expiry not a date', '{"type":"invite","invite":{"id":"a","expiresAt":"soon"}}'],
  ])('refuses %s with WireError 1008', (_name, text) => {
    const error = (() => {
      try {
        parseClientFrame(text);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(WireError);
    expect((error as WireError).closeCode).toBe(CLOSE.policyViolation);
  });

  it('drops keys it does not know, __proto__ included', () => {
    const frame = parseClientFrame('{"type":"ack","seq":1,"__proto__":{"polluted":true},"extra":1}');
    expect(frame).toEqual({ type: 'ack', seq: 1 });
    expect(Object.getPrototypeOf(frame)).toBe(Object.prototype);
  });

  it('is total: any string either parses or throws WireError with a reason a close frame can carry', () => {
    const anyJson = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(anyJson, (text) => {
        try {
          parseClientFrame(text);
        } catch (error) {
          expect(error).toBeInstanceOf(WireError);
          expect(Buffer.byteLength((error as Error).message)).toBeLessThanOrEqual(123);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('relay wire: server frames', () => {
  it('round-trips welcome, push and rpc', () => {
    expect(parseServerFrame(formatWelcome(4))).toEqual({ type: 'welcome', version: 1, headSeq: 4 });
    const push = {
      seq: 1,
      receivedAt: new Date(0).toISOString(),
      channel: 'app' as const,
      appid: 'wx1111222233334444',
      query: { timestamp: '1', nonce: 'n', msg_signature: 's' },
      body: '<xml/>',
    };
    expect(parseServerFrame(formatPush(push))).toEqual({ type: 'push', ...push });
    expect(parseServerFrame(formatRpc('r1', 'authorizationUrl', { inviteId: 'a', variant: 'pc' }))).toEqual({
      type: 'rpc',
      id: 'r1',
      method: 'authorizationUrl',
      params: { inviteId: 'a', variant: 'pc' },
    });
  });

  it('refuses a push with seq 0', () => {
    expect(() =>
      parseServerFrame(
        '{"type":"push","seq":0,"receivedAt":"","channel":"app","appid":null,"query":{"timestamp":"","nonce":"","msg_signature":""},"body":""}',
      ),
    ).toThrow(WireError);
  });
});

describe('one appid rule', () => {
  it.each([
    ['wx1111222233334444', true],
    ['wx0a1b2c3d4e5f6a7b', true],
    ['wx111122223333444', false],
    ['gh_1111222233334444', false],
    ['wx1111222233334444/', false],
    ['$APPID$', false],
  ])('%s → %s', (appid, ok) => expect(isAppid(appid)).toBe(ok));

  it('cuts close reasons to 123 bytes without splitting a character', () => {
    const reason = closeReason('错'.repeat(100));
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    expect(reason).toBe('错'.repeat(41));
  });
});
