/**
 * Captured WeChat pushes replayed through the real relay: signed content posted to another mini-program's URL, and an
 * old ticket posted again. The signed content decides, never the URL or the time of arrival.
 */
import { WxCrypt, buildEnvelope } from '@wxfleet/protocol';
import { afterEach, expect, it } from 'vitest';
import type { App } from '../../src-main/core/app/create-app.js';
import type { World } from './helpers/core-world.js';
import { startWorld, waitFor } from './helpers/core-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function poster(w: World) {
  const { platform } = w.sim;
  const crypt = new WxCrypt({
    token: platform.token,
    encodingAESKey: platform.encodingAESKey,
    appId: platform.componentAppid,
  });
  return async (path: string, inner: string, addressee: { appId: string } | { toUserName: string }): Promise<void> => {
    const encrypt = crypt.encrypt(inner);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = String(1_000_000 + Math.floor(Math.random() * 1_000_000));
    const query = new URLSearchParams({
      signature: crypt.urlSignature(timestamp, nonce),
      timestamp,
      nonce,
      encrypt_type: 'aes',
      msg_signature: crypt.signature(timestamp, nonce, encrypt),
    });
    const res = await fetch(`${w.relay.url}${path}?${query.toString()}`, {
      method: 'POST',
      body: buildEnvelope(encrypt, addressee),
      headers: { 'Content-Type': 'text/xml' },
    });
    expect(res.status).toBe(200);
  };
}

async function caughtUp(w: World, core: App): Promise<void> {
  const head = w.relay.app.relay.store.events.headSeq();
  await waitFor(() => core.services.store.relayCursor.data.cursor >= head, 'the desktop caught up with the relay');
}

const auditSuccess = (userName: string, at: number): string =>
  `<xml><ToUserName><![CDATA[${userName}]]></ToUserName><FromUserName><![CDATA[oSystem]]></FromUserName>` +
  `<CreateTime>${at}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[weapp_audit_success]]></Event>` +
  `<SuccTime>${at}</SuccTime></xml>`;

it('attributes a push by its signed content and refuses it on another mini-program’s URL', async () => {
  world = await startWorld();
  const w = world;
  const core = await w.startCore();
  const ctx = core.services;
  const [a = '', b = ''] = await w.seedApps(2);
  for (const appid of [a, b]) await w.control('POST', '/merchant/authorize', { appid });
  const userName = (appid: string): string => ctx.store.authorizers.data.byAppid[appid]?.userName ?? '';
  await waitFor(() => userName(a) !== '' && userName(b) !== '', 'both authorizers read');
  const post = poster(w);
  const now = Math.floor(Date.now() / 1000);

  await post(`/wechat/app/${b}`, auditSuccess(userName(a), now), { toUserName: userName(a) });
  await caughtUp(w, core);
  const rows = () => ctx.store.events.data.recent;
  expect(rows().filter((r) => r.kind === 'weapp_audit_success')).toHaveLength(0);
  const refused = rows().filter((r) => r.kind === 'rejected');
  expect(refused).toHaveLength(1);
  expect(refused[0]?.summary).toContain('appid_mismatch');

  // The same content on its own URL is applied, and attributed to its own mini-program.
  await post(`/wechat/app/${a}`, auditSuccess(userName(a), now), { toUserName: userName(a) });
  await caughtUp(w, core);
  expect(
    rows()
      .filter((r) => r.kind === 'weapp_audit_success')
      .map((r) => r.appid),
  ).toEqual([a]);
});

it('orders tickets by their signed CreateTime: a replayed older ticket never replaces the current one', async () => {
  world = await startWorld();
  const w = world;
  const core = await w.startCore();
  const ctx = core.services;
  await waitFor(() => ctx.wechat.tickets.current() !== undefined, 'a ticket via the relay');
  await caughtUp(w, core); // the first ticket's row is written too
  const current = ctx.vault.get('component.ticket');
  const ticketRows = (): number =>
    ctx.store.events.data.recent.filter((r) => r.kind === 'component_verify_ticket').length;
  const rowsBefore = ticketRows();
  const post = poster(w);
  const appId = w.sim.platform.componentAppid;
  const ticket = (value: string, at: number): string =>
    `<xml><AppId><![CDATA[${appId}]]></AppId><CreateTime>${at}</CreateTime>` +
    `<InfoType><![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA[${value}]]></ComponentVerifyTicket></xml>`;
  const now = Math.floor(Date.now() / 1000);

  // Arrives last, yet was created an hour ago.
  await post('/wechat/component', ticket('ticket@@@replayed-old', now - 3600), { appId });
  await caughtUp(w, core);
  expect(ctx.vault.get('component.ticket')).toEqual(current);
  expect(ticketRows()).toBe(rowsBefore + 1); // applied (recorded), just not kept

  await post('/wechat/component', ticket('ticket@@@newer', now + 1), { appId });
  await caughtUp(w, core);
  expect(ctx.vault.get('component.ticket')?.value).toBe('ticket@@@newer');
  // Its age counts from its CreateTime (clamped to now), not from when the relay passed it on.
  expect(ctx.wechat.tickets.ageMs()).toBeLessThan(60_000);
});
