import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import type { Browser } from 'playwright-core';
import { WxCrypt, parseEnvelope, parsePush } from '@wxfleet/protocol';
import { startSimulator } from '../../simulator/src/index.js';
import type { RunningSimulator } from '../../simulator/src/index.js';
import { startRelay, waitUntil } from '../../relay/test/helpers/relay-fixture.js';
import type { TestRelay } from '../../relay/test/helpers/relay-fixture.js';
import { DeviceClient } from '../../relay/test/helpers/device-client.js';

// The merchant's path: relay launch page → WeChat's authorization page (Referer checked) → back to the relay.
const TOKEN = 'launchPageToken1';
const APPID = 'wx00000000000000b1';

let relay: TestRelay;
let sim: RunningSimulator;
let device: DeviceClient;
let browser: Browser;
let crypt: WxCrypt;
let componentToken = '';

async function api<T>(path: string, body: unknown, token?: string): Promise<T> {
  const query = token === undefined ? '' : `?component_access_token=${encodeURIComponent(token)}`;
  const response = await fetch(`${sim.url}${path}${query}`, { method: 'POST', body: JSON.stringify(body) });
  return (await response.json()) as T;
}

/** What the desktop answers the relay's RPC with: a fresh pre_auth_code in WeChat's PC authorization URL. */
async function authorizationUrl(params: { inviteId: string }): Promise<string> {
  const { pre_auth_code: code } = await api<{ pre_auth_code: string }>(
    '/cgi-bin/component/api_create_preauthcode',
    { component_appid: sim.platform.componentAppid },
    componentToken,
  );
  const url = new URL('/cgi-bin/componentloginpage', sim.url);
  url.searchParams.set('component_appid', sim.platform.componentAppid);
  url.searchParams.set('pre_auth_code', code);
  url.searchParams.set('redirect_uri', `${relay.url}/authorize/${params.inviteId}/done`);
  url.searchParams.set('auth_type', '2');
  return url.href;
}

function decrypted(): { kind: string; code?: string; preAuthCode?: string }[] {
  return device.pushes
    .filter((p) => p.channel !== 'auth_callback')
    .map((p) => {
      const push = parsePush(crypt.decrypt(parseEnvelope(p.body).encrypt), p.channel as 'component' | 'app');
      return push.kind === 'authorized'
        ? { kind: push.kind, code: push.authorizationCode, preAuthCode: push.preAuthCode }
        : { kind: push.kind };
    });
}

beforeAll(async () => {
  relay = await startRelay({ wechatTokens: [TOKEN] });
  const relayHost = new URL(relay.url).host;
  sim = await startSimulator({
    config: {
      platform: { token: TOKEN },
      launchDomain: relayHost,
      push: { componentEventUrl: `${relay.url}/wechat/component`, retryDelayMs: 50 },
    },
  });
  crypt = new WxCrypt({
    token: TOKEN,
    encodingAESKey: sim.platform.encodingAESKey,
    appId: sim.platform.componentAppid,
  });
  device = new DeviceClient(relay.wsUrl, relay.addDevice('desk'), {
    onRpc: (method, params) =>
      method === 'authorizationUrl' ? authorizationUrl(params as { inviteId: string }) : undefined,
  });
  await device.connect();
  // What the console sends when it creates the invitation: the relay completes only invitations it knows.
  device.ws!.send(JSON.stringify({ type: 'invite', invite: { id: 'inv-001' } }));
  await waitUntil(() => decrypted().some((p) => p.kind === 'component_verify_ticket'), 10_000, 'ticket');
  const ticketPush = device.pushes[0]!;
  const ticket = parsePush(crypt.decrypt(parseEnvelope(ticketPush.body).encrypt), 'component');
  ({ component_access_token: componentToken } = await api<{ component_access_token: string }>(
    '/cgi-bin/component/api_component_token',
    {
      component_appid: sim.platform.componentAppid,
      component_appsecret: sim.platform.componentAppsecret,
      component_verify_ticket: ticket.kind === 'component_verify_ticket' ? ticket.ticket : '',
    },
  ));
  await fetch(`${sim.url}/__sim/merchants`, {
    method: 'POST',
    headers: { 'x-sim-key': sim.controlKey, 'content-type': 'application/json' },
    body: JSON.stringify({ merchants: [{ name: '童趣小儿推拿', apps: [{ nickName: '童趣推拿预约', appid: APPID }] }] }),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  device?.ws?.terminate();
  await sim?.close();
  await relay?.close();
});

describe('the launch page in a real browser', () => {
  it('passes the Referer check, completes the authorization, and both completions name the same code', async () => {
    const page = await browser.newPage();
    await page.goto(`${relay.url}/authorize/inv-001`);
    await page.click('#authorize');
    await page.waitForURL((url) => url.pathname === '/cgi-bin/componentloginpage');
    expect(await page.content()).toContain('童趣推拿预约');
    await page.click('button[type=submit]');
    await page.waitForURL((url) => url.pathname === '/authorize/inv-001/done');

    await waitUntil(() => device.pushes.some((p) => p.channel === 'auth_callback'), 10_000, 'auth callback');
    await waitUntil(() => decrypted().some((p) => p.kind === 'authorized'), 10_000, 'authorized push');
    const callback = new URLSearchParams(device.pushes.find((p) => p.channel === 'auth_callback')!.body);
    const authorized = decrypted().find((p) => p.kind === 'authorized')!;
    expect(callback.get('invite_id')).toBe('inv-001');
    expect(callback.get('auth_code')).toBe(authorized.code);
    await page.close();
  });

  it('is refused by WeChat when the link is opened from anywhere but the launch page', async () => {
    const page = await browser.newPage();
    await page.goto(await authorizationUrl({ inviteId: 'inv-002' }));
    expect(await page.content()).not.toContain('童趣推拿预约');
    await page.close();
  });
});
