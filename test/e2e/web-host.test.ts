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
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
  });

  it('sets the session cookie from a one-time login link', async () => {
    const link = host.loginUrl();
    const first = await fetch(link, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    cookie = setCookie.split(';')[0]!;
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(403);
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
