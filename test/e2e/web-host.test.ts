/** The browser host's own guards: loopback only, a one-time login link, the session cookie, Origin and Host checks. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost } from '../../src-main/web-host/server.js';
import type { RunningWebHost } from '../../src-main/web-host/server.js';

let host: RunningWebHost;
let dir: string;
let cookie = '';
const calls: string[] = [];

const invoke = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: host.origin, Cookie: cookie, ...headers },
    body: JSON.stringify(body),
  });

describe('browser host', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wxfleet-web-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>wxfleet</title>');
    host = await startWebHost({
      rendererDir: dir,
      handlers: {
        'app:info': async () => ({ name: 'wxfleet', version: 'test', profile: 'acme' }),
        'authorizers:get': async (appid) => {
          calls.push(appid);
          throw Object.assign(new Error('no such'), { contractCode: 'invalid_argument' });
        },
      },
    });
  });

  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on loopback only and refuses calls without the session', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await invoke({ channel: 'app:info', args: [] });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    const session = await fetch(`${host.origin}/api/session`);
    expect(session.status).toBe(401);
    expect(await session.json()).toEqual({ authenticated: false });
  });

  it('sets the session cookie from a one-time login link', async () => {
    const link = host.loginUrl();
    const first = await fetch(link, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Max-Age=43200/);
    cookie = setCookie.split(';')[0]!;
    // Spent: no cookie, and the page it leads to says how to get a new link.
    const again = await fetch(link, { redirect: 'manual' });
    expect(again.status).toBe(303);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(again.headers.get('location')).toBe('/?login=invalid');
    const session = await fetch(`${host.origin}/api/session`, { headers: { Cookie: cookie } });
    expect(await session.json()).toEqual({ authenticated: true });
    // The same spent link in the browser that used it just opens the console.
    expect((await fetch(link, { redirect: 'manual', headers: { Cookie: cookie } })).headers.get('location')).toBe('/');
  });

  it('answers with the contract Result shape and validates before calling the core', async () => {
    expect(await (await invoke({ channel: 'app:info', args: [] })).json()).toEqual({
      ok: true,
      value: { name: 'wxfleet', version: 'test', profile: 'acme' },
    });
    expect(await (await invoke({ channel: 'authorizers:get', args: [{ not: 'an appid' }] })).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(calls).toEqual([]);
    expect(await (await invoke({ channel: 'jobs:list', args: [] })).json()).toMatchObject({
      ok: false,
      error: { code: 'not_configured' },
    });
    expect((await invoke({ channel: 'shell:exec', args: ['rm -rf /'] })).status).toBe(400);
  });

  it('refuses __proto__ and constructor keys as invalid arguments, never a server error', async () => {
    for (const raw of [
      '{"channel":"authorizers:list","args":[{"__proto__":{"polluted":true}}]}',
      '{"channel":"settings:savePlatform","args":[{"constructor":{"prototype":{"x":1}}}]}',
      '{"channel":"extjson:save","args":[{"templateId":1,"base":"{}","merchants":{"wx1234567890abcdef":{"variables":{"constructor":"x"}}}}]}',
    ]) {
      const res = await invoke(JSON.parse(raw));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    }
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses another origin and a rebound Host even with the cookie', async () => {
    const crossSite = await invoke({ channel: 'app:info', args: [] }, { Origin: 'http://evil.example' });
    expect(crossSite.status).toBe(421);
    expect(await crossSite.text()).not.toContain('wxfleet');
    // fetch() may not send a Host header of our choosing, node:http does: a DNS-rebinding page would send its own.
    const status = await new Promise<number>((resolve, reject) =>
      request(`${host.origin}/`, { headers: { Host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0))
        .on('error', reject)
        .end(),
    );
    expect(status).toBe(421);
  });

  it('streams events over the WebSocket only to an authenticated page', async () => {
    const url = `${host.origin.replace('http', 'ws')}/api/events`;
    const refused = new WebSocket(url, { headers: { Origin: host.origin } });
    await expect(new Promise((resolve, reject) => refused.on('open', resolve).on('error', reject))).rejects.toThrow();

    const socket = new WebSocket(url, { headers: { Origin: host.origin, Cookie: cookie } });
    await new Promise((resolve) => socket.on('open', resolve));
    const message = new Promise<string>((resolve) => socket.on('message', (data) => resolve(String(data))));
    host.emit('templates:changed', {});
    expect(JSON.parse(await message)).toEqual({ channel: 'templates:changed', payload: {} });
    socket.close();
  });
});

describe('browser host login lifetimes', () => {
  let now = Date.UTC(2026, 0, 1);
  let timed: RunningWebHost;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'wxfleet-web-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>wxfleet</title>');
    timed = await startWebHost({
      rendererDir: root,
      handlers: { 'app:info': async () => ({ name: 'wxfleet', version: 'test', profile: 'acme' }) },
      session: { loginCodeMs: 5 * 60_000, sessionMs: 3600_000, now: () => now },
    });
  });
  afterAll(async () => {
    await timed.close();
    await rm(root, { recursive: true, force: true });
  });

  const login = async (link: string): Promise<string | null> => {
    const res = await fetch(link, { redirect: 'manual' });
    return res.headers.get('set-cookie')?.split(';')[0] ?? null;
  };
  const authenticated = async (cookie: string): Promise<boolean> =>
    (
      (await (await fetch(`${timed.origin}/api/session`, { headers: { Cookie: cookie } })).json()) as {
        authenticated: boolean;
      }
    ).authenticated;

  it('a login link expires after its minutes, used or not', async () => {
    const link = timed.loginUrl();
    now += 5 * 60_000;
    expect(await login(link)).toBeNull();
    const fresh = timed.loginUrl();
    now += 5 * 60_000 - 1;
    expect(await login(fresh)).not.toBeNull();
  });

  it('a session ends after its lifetime, and each login has its own', async () => {
    const first = (await login(timed.loginUrl())) ?? '';
    now += 30 * 60_000;
    const second = (await login(timed.loginUrl())) ?? '';
    expect(first).not.toBe(second);
    expect(await authenticated(first)).toBe(true);
    now += 30 * 60_000;
    expect(await authenticated(first)).toBe(false);
    expect(await authenticated(second)).toBe(true);
    const refused = await fetch(`${timed.origin}/api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: timed.origin, Cookie: first },
      body: JSON.stringify({ channel: 'app:info', args: [] }),
    });
    expect(refused.status).toBe(401);
  });

  it('sends no event to a browser whose session ended: its socket is closed', async () => {
    const cookie = (await login(timed.loginUrl())) ?? '';
    const socket = new WebSocket(`${timed.origin.replace('http', 'ws')}/api/events`, {
      headers: { Origin: timed.origin, Cookie: cookie },
    });
    await new Promise((resolve) => socket.on('open', resolve));
    const received: string[] = [];
    socket.on('message', (data) => received.push(String(data)));
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    timed.emit('templates:changed', {});
    await new Promise<void>((resolve) => socket.once('message', () => resolve()));
    now += 3600_000;
    timed.emit('templates:changed', {});
    expect(await closed).toBe(1008);
    expect(received).toHaveLength(1);
  });
});
