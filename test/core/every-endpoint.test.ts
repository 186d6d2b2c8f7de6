import { ENDPOINTS } from '@wxfleet/protocol';
import type { EndpointName } from '@wxfleet/protocol';
import { afterEach, expect, it } from 'vitest';
import type { ApiEndpointName } from '../../src-main/core/wechat/client/wechat-api.js';
import { WeChatError } from '../../src-main/core/wechat/client/wechat-error.js';
import type { Harness } from './helpers/core-harness.js';
import { startHarness } from './helpers/core-harness.js';

let h: Harness | undefined;
afterEach(async () => h?.close());

/** Errcodes that would mean the client shaped the request wrongly (method, token, body). */
const SHAPE_ERRORS = [43001, 43002, 41001, 44002, 61014, 61015];

it('has a typed function for every API endpoint, each reaching its path with the right method and token', async () => {
  h = await startHarness({ retry: { maxAttempts: 1 } });
  const harness = h;
  const [appid = ''] = await harness.onboard(1);
  const names = (Object.keys(ENDPOINTS) as EndpointName[]).filter(
    (n) => !('browser' in ENDPOINTS[n]),
  ) as ApiEndpointName[];
  expect(names.length).toBeGreaterThan(55);
  const api = harness.api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const outcomes = new Map<string, number>();
  for (const name of names) {
    const spec = ENDPOINTS[name];
    const req =
      name === 'uploadMedia'
        ? { media: { filename: 'a.png', contentType: 'image/png', data: new Uint8Array([137, 80, 78, 71]) } }
        : {};
    const fn = api[name];
    expect(fn, name).toBeTypeOf('function');
    try {
      await (spec.token === 'authorizer' ? fn?.(appid, req) : fn?.(req));
      outcomes.set(name, 0);
    } catch (err) {
      if (!(err instanceof WeChatError) || err.errcode === null) throw err;
      outcomes.set(name, err.errcode);
    }
  }
  const calls = await harness.calls();
  for (const name of names) {
    const spec = ENDPOINTS[name];
    expect(
      calls.some((c) => c.path === spec.path && c.method === spec.method),
      `${name} reached ${spec.method} ${spec.path}`,
    ).toBe(true);
    expect(SHAPE_ERRORS, `${name} answered ${outcomes.get(name)}`).not.toContain(outcomes.get(name));
  }
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const uploaded = await harness.api.uploadMedia(appid, {
    media: { filename: 'shot.png', contentType: 'image/png', data: new Uint8Array(png) },
  });
  expect(uploaded.mediaid).toBeTruthy();
  const qr = await harness.api.getQrcode(appid).catch((e: unknown) => e);
  if (!(qr instanceof WeChatError)) expect(qr).toMatchObject({ contentType: expect.stringMatching(/^image\//) });
});
