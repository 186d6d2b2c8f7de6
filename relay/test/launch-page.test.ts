import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../../test/helpers/chromium.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceClient } from './helpers/device-client.js';
import { startRelay, waitUntil } from './helpers/relay-fixture.js';
import type { TestRelay } from './helpers/relay-fixture.js';

let relay: TestRelay;
const devices: DeviceClient[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) d.stop();
  await relay.close();
});

function desktop(onRpc: (method: string, params: unknown) => unknown): DeviceClient {
  const device = new DeviceClient(relay.wsUrl, relay.addDevice(`pc-${devices.length}`), { onRpc });
  devices.push(device);
  return device;
}

describe('launch page', () => {
  it('without a desktop online says so and records the attempt', async () => {
    relay = await startRelay({}, false);
    const res = await relay.app.inject({ url: '/authorize/inv-1' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('不在线');
    expect(res.body.indexOf('不在线')).toBeLessThan(res.body.indexOf('offline'));
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    await waitUntil(() => relay.app.relay.store.invites.attempts('inv-1').length > 0, 5_000, 'attempt recorded');
    expect(relay.app.relay.store.invites.attempts('inv-1')).toMatchObject([{ outcome: 'no_desktop', variant: 'pc' }]);
  });

  it('asks the desktop for a fresh URL per visit, PC or mobile, and refuses revoked invites', async () => {
    relay = await startRelay();
    const asked: unknown[] = [];
    let n = 0;
    const pc = desktop((method, params) => {
      asked.push({ method, params });
      return `https://mp.weixin.qq.com/cgi-bin/componentloginpage?component_appid=wx0a1b2c3d4e5f6a7b&pre_auth_code=pre${n++}&redirect_uri=x&auth_type=2`;
    });
    await pc.connect();
    pc.ws!.send(JSON.stringify({ type: 'invite', invite: { id: 'inv-2', label: '<b>示例商户</b>' } }));
    const first = await fetch(`${relay.url}/authorize/inv-2`);
    const html = await first.text();
    expect(first.status).toBe(200);
    expect(html).toContain('pre_auth_code=pre0');
    expect(html).toContain('&lt;b&gt;示例商户&lt;/b&gt;');
    const mobile = await fetch(`${relay.url}/authorize/inv-2`, {
      headers: { 'user-agent': 'Mozilla/5.0 (iPhone) MicroMessenger/8.0' },
    });
    expect(await mobile.text()).toContain('请在微信中打开');
    expect(asked).toEqual([
      { method: 'authorizationUrl', params: { inviteId: 'inv-2', variant: 'pc' } },
      { method: 'authorizationUrl', params: { inviteId: 'inv-2', variant: 'mobile' } },
    ]);
    pc.ws!.send(JSON.stringify({ type: 'invite', invite: { id: 'inv-2', revoked: true } }));
    await new Promise((r) => setTimeout(r, 50));
    expect((await fetch(`${relay.url}/authorize/inv-2`)).status).toBe(410);
    expect(asked).toHaveLength(2);
  });

  it('shows an error page when the desktop refuses or answers a non-http URL', async () => {
    relay = await startRelay();
    await desktop(() => 'javascript:alert(1)').connect();
    const res = await fetch(`${relay.url}/authorize/inv-3`);
    expect(res.status).toBe(502);
    expect(await res.text()).not.toContain('javascript:');
  });

  it('in Chromium: the click reaches the authorization page with the relay as Referer, and the callback is delivered', async () => {
    relay = await startRelay();
    const relayOrigin = new URL(relay.url).origin;
    let referer: string | undefined;
    // Stands in for mp.weixin.qq.com: checks where the click came from, then redirects back like WeChat.
    const authPage: Server = createServer((req, res) => {
      referer = req.headers.referer;
      const target = new URL(req.url!, 'http://x').searchParams.get('redirect_uri')!;
      if (referer === undefined || !referer.startsWith(relayOrigin)) {
        res.writeHead(403).end('请确认授权入口页所在域名');
        return;
      }
      res.writeHead(302, { location: `${target}?auth_code=queryauthcode@@@abc&expires_in=600` }).end();
    });
    await new Promise<void>((r) => authPage.listen(0, '127.0.0.1', r));
    const authOrigin = `http://127.0.0.1:${(authPage.address() as AddressInfo).port}`;
    const pc = desktop((_m, params) => {
      const { inviteId } = params as { inviteId: string };
      const redirect = encodeURIComponent(`${relay.url}/authorize/${inviteId}/done`);
      return `${authOrigin}/cgi-bin/componentloginpage?component_appid=wx0a1b2c3d4e5f6a7b&pre_auth_code=p1&redirect_uri=${redirect}&auth_type=2`;
    });
    await pc.connect();
    pc.ws!.send(JSON.stringify({ type: 'invite', invite: { id: 'inv-4' } }));
    await waitUntil(() => relay.app.relay.store.invites.isOpen('inv-4'), 5_000, 'invite known');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${relay.url}/authorize/inv-4`);
      await Promise.all([page.waitForURL(/\/authorize\/inv-4\/done/), page.click('#authorize')]);
      expect(await page.textContent('h1')).toBe('授权完成');
    } finally {
      await browser.close();
      authPage.close();
    }
    expect(referer).toBe(`${relayOrigin}/`);
    await pc.waitForApplied(1, 5_000);
    expect(pc.pushes[0]).toMatchObject({ channel: 'auth_callback', appid: null });
    expect(pc.pushes[0]!.body).toBe('invite_id=inv-4&auth_code=queryauthcode@@@abc&expires_in=600');
  });

  it('stores the callback once even when the merchant reloads it', async () => {
    relay = await startRelay({}, false);
    await relay.app.relay.store.invites.upsert({ id: 'inv-5' });
    for (let i = 0; i < 3; i++) {
      const res = await relay.app.inject({ url: '/authorize/inv-5/done?auth_code=abc&expires_in=600' });
      expect(res.statusCode).toBe(200);
    }
    expect(relay.app.relay.store.events.count()).toBe(1);
    expect((await relay.app.inject({ url: '/authorize/inv-5/done?expires_in=600' })).statusCode).toBe(400);
  });

  it('refuses forged callbacks: unknown, revoked and expired invitations store nothing; a code counts once', async () => {
    relay = await startRelay({}, false);
    const { invites, events } = relay.app.relay.store;
    await invites.upsert({ id: 'open' });
    await invites.upsert({ id: 'revoked', revoked: true });
    await invites.upsert({ id: 'expired', expiresAt: new Date(Date.now() - 1000).toISOString() });
    for (const id of ['made-up', 'revoked', 'expired']) {
      const res = await relay.app.inject({ url: `/authorize/${id}/done?auth_code=forged${id}&expires_in=600` });
      expect(res.statusCode).toBe(410);
    }
    expect(events.count()).toBe(0);
    expect((await relay.app.inject({ url: '/authorize/open/done?auth_code=real1&expires_in=600' })).statusCode).toBe(
      200,
    );
    await invites.upsert({ id: 'other' });
    // The same code replayed through another open invitation is still one callback.
    expect((await relay.app.inject({ url: '/authorize/other/done?auth_code=real1&expires_in=600' })).statusCode).toBe(
      200,
    );
    expect(events.count()).toBe(1);
  });

  it('answers 429 past the per-IP and per-invitation limits, in fixed memory', async () => {
    relay = await startRelay({ rateLimit: { perIp: 5, perInvite: 8, slots: 64 } }, false);
    const hit = (ip: string, id: string): Promise<number> =>
      relay.app
        .inject({ url: `/authorize/${id}/done?auth_code=c${ip}${id}`, headers: { 'x-forwarded-for': ip } })
        .then((r) => r.statusCode);
    const fromOne = [];
    for (let i = 0; i < 7; i++) fromOne.push(await hit('203.0.113.1', `inv-${i}`));
    expect(fromOne).toEqual([410, 410, 410, 410, 410, 429, 429]);
    const oneInvite = [];
    for (let i = 0; i < 10; i++) oneInvite.push(await hit(`198.51.100.${i}`, 'target'));
    expect(oneInvite.filter((s) => s === 429)).toHaveLength(2);
    const res = await relay.app.inject({ url: '/authorize/target', headers: { 'x-forwarded-for': '192.0.2.9' } });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toMatch(/^[0-9]+$/);
    expect(res.body).toContain('访问过于频繁');
  });

  it('answers repeated visits of one link from the URL the desktop gave, asking it once per variant', async () => {
    relay = await startRelay({ rateLimit: { perIp: 1_000, perInvite: 3 } });
    let asked = 0;
    const pc = desktop(() => `https://mp.weixin.qq.com/cgi-bin/componentloginpage?pre_auth_code=p${asked++}`);
    await pc.connect();
    const statuses = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        if (i === 0) return 0;
        return (await fetch(`${relay.url}/authorize/inv-6${i % 2 === 0 ? '' : '?variant=mobile'}`)).status;
      }),
    );
    // Concurrent first visits share one question per variant; later ones read the answer.
    expect(asked).toBe(2);
    expect(statuses.slice(1).every((s) => s === 200)).toBe(true);
    const later = await fetch(`${relay.url}/authorize/inv-6`);
    expect(later.status).toBe(200);
    expect(await later.text()).toMatch(/pre_auth_code=p[0-9]/);
  });
});
