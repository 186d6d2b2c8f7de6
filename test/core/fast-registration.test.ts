/**
 * A new merchant without a mini-program: fast registration (2026 personal version) from the console, the person
 * agrees on WeChat's page, the account appears authorized, and its readiness shows everything a new account lacks.
 */
import QRCode from 'qrcode';
import { afterEach, expect, it } from 'vitest';
import type { World } from './helpers/core-world.js';
import { invoke, startWorld, waitFor } from './helpers/core-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

it('registers a personal mini-program, which arrives authorized and not ready', async () => {
  world = await startWorld({ fastRegistration: { delaySeconds: 1 } });
  const w = world;
  const app = await w.startCore();
  await waitFor(() => app.services.wechat.tickets.current() !== undefined, 'a ticket through the relay');

  await expect(invoke(app, 'registrations:start', { kind: 'personal', wxuser: '1' })).rejects.toThrow(
    /WeChat ID is invalid/,
  );
  const task = await invoke(app, 'registrations:start', { kind: 'personal', wxuser: 'merchant_zhang' });
  expect(task).toMatchObject({ kind: 'personal', label: 'merchant_zhang', done: false, created: false });
  expect(task.authorizeQr).toMatch(/^data:image\/png;base64,/);
  expect((await invoke(app, 'registrations:list')).map((r) => r.taskid)).toEqual([task.taskid]);

  // The person opens the link in WeChat and agrees (as the page's form does).
  const agreed = await fetch(task.authorizeUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'answer=agree',
  });
  expect(agreed.status).toBe(200);
  const done = await (async () => {
    let last = task;
    await waitFor(async () => (last = await invoke(app, 'registrations:refresh', task.taskid)).created, 'created');
    return last;
  })();
  expect(done).toMatchObject({ done: true, created: true, status: 12 });

  // WeChat authorizes the new account to the platform; the console lists it and reads what it lacks.
  await waitFor(async () => (await invoke(app, 'authorizers:sync', null)).length === 1, 'the new account listed');
  const [row] = await invoke(app, 'authorizers:list', {});
  const view = await invoke(app, 'readiness:refresh', [row?.appid ?? '']);
  const missing = view[0]?.items.filter((i) => i.state !== 'ready').map((i) => i.key);
  expect(missing).toEqual(expect.arrayContaining(['basic_info', 'category', 'privacy_guide', 'icp']));
  expect(view[0]?.items.find((i) => i.key === 'basic_info')?.params['missing']).toBe('name,avatar,introduction');

  // Name, avatar and introduction from the console (setnickname, uploadmedia + modifyheadimage, modifysignature).
  const [basic] = await invoke(app, 'readiness:fix', {
    action: 'set_basic_info',
    appids: [row?.appid ?? ''],
    nickname: '张记手作',
    signature: '张记手作小店，手工皮具定制与保养服务。',
    avatar: await QRCode.toDataURL('avatar', { width: 144 }),
  });
  expect(basic).toMatchObject({ ok: true, code: 'basic_info_set' });
  expect(basic?.readiness.items.find((i) => i.key === 'basic_info')?.state).toBe('ready');
}, 90_000);
