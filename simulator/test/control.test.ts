import { describe, expect, test } from 'vitest';
import { ConfigError, resolveConfig, startSimulator } from '../src/index.js';
import { componentTokenOf, http, startTestSim } from './helpers.js';

describe('config validation', () => {
  test('unknown keys and wrong types are rejected with the key path', async () => {
    expect(() => resolveConfig({ pushh: {} })).toThrow(/unknown config key "pushh"/);
    expect(() => resolveConfig({ push: { timeout: 1 } })).toThrow(/unknown config key "push.timeout"/);
    expect(() => resolveConfig({ audit: { durationSeconds: '60' } })).toThrow(
      /"audit.durationSeconds" must be a number/,
    );
    expect(() => resolveConfig({ audit: { defaultOutcome: 'maybe' } })).toThrow(/audit.defaultOutcome/);
    expect(() => resolveConfig({ platform: { encodingAESKey: 'short' } })).toThrow(ConfigError);
    expect(() => resolveConfig({ whitelist: [1] })).toThrow(/array of strings/);
    expect(
      resolveConfig({ push: { componentEventUrl: 'http://127.0.0.1:1/x' }, componentTokenOverlapSeconds: 0 })
        .componentTokenOverlapSeconds,
    ).toBe(0);
    await expect(startSimulator({ config: { nope: 1 } as never })).rejects.toThrow(ConfigError);
  });
});

describe('control API (/__sim/)', () => {
  test('needs the control key', async () => {
    const sim = await startTestSim({}, { controlKey: 'a-known-key-123' });
    expect(sim.controlKey).toBe('a-known-key-123');
    expect((await http(`${sim.url}/__sim/state`)).status).toBe(401);
    expect((await http(`${sim.url}/__sim/state`, { headers: { 'X-Sim-Key': 'wrong-key-0000' } })).status).toBe(401);
    expect((await http(`${sim.url}/__sim/nothing`, { headers: { 'X-Sim-Key': sim.controlKey } })).status).toBe(404);
    const state = await sim.control('GET', '/state');
    expect((state['merchants'] as unknown[]).length).toBe(14);
    await sim.close();
  });

  test('faults: -1, 45011, 5xx, reset, latency, limited by count and path', async () => {
    const sim = await startTestSim({ ticketIntervalSeconds: 0 });
    const token = await componentTokenOf(sim);
    const call = () => sim.api('/wxa/gettemplatelist', `access_token=${token}`);
    await sim.control('POST', '/faults', { path: '/wxa/gettemplatelist', kind: 'errcode', errcode: -1, count: 1 });
    expect((await call()).json).toMatchObject({ errcode: -1, errmsg: expect.stringMatching(/^system error rid: /) });
    expect((await call()).json['errcode']).toBe(0);
    await sim.control('POST', '/faults', { path: '/wxa/gettemplatelist', kind: 'errcode', errcode: 45011, count: 1 });
    expect((await call()).json['errcode']).toBe(45011);
    await sim.control('POST', '/faults', { path: '/wxa/gettemplatelist', kind: 'http5xx', status: 503, count: 1 });
    expect((await call()).status).toBe(503);
    await sim.control('POST', '/faults', { path: '/wxa/gettemplatelist', kind: 'reset', count: 1 });
    await expect(call()).rejects.toThrow(/socket hang up|ECONNRESET/);
    await sim.control('POST', '/faults', { path: '*', kind: 'latency', latencyMs: 120, count: 1 });
    const started = Date.now();
    expect((await call()).json['errcode']).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    await sim.control('POST', '/faults', { path: '/wxa/gettemplatelist', kind: 'errcode', errcode: 45009 });
    expect((await call()).json['errcode']).toBe(45009);
    await sim.control('DELETE', '/faults');
    expect((await call()).json['errcode']).toBe(0);
    const calls = (await sim.control('GET', '/calls?limit=20'))['calls'] as { path: string; errcode: number }[];
    expect(calls.map((c) => c.errcode)).toEqual(expect.arrayContaining([-1, 45011, -2, 45009]));
    await sim.close();
  });

  test('calls/totals counts every call per path and account, past the end of the call log ring', async () => {
    const sim = await startTestSim({ ticketIntervalSeconds: 0, callLogSize: 3 });
    const token = await componentTokenOf(sim);
    const call = () => sim.api('/wxa/gettemplatelist', `access_token=${token}`);
    for (let i = 0; i < 5; i++) await call();
    await sim.control('POST', '/faults', { path: '/wxa/gettemplatelist', kind: 'errcode', errcode: 45011, count: 2 });
    await call();
    await call();
    await sim.api('/wxa/gettemplatelist', 'access_token=not-a-token');
    const { totals } = (await sim.control('GET', '/calls/totals?path=/wxa/gettemplatelist')) as {
      totals: { account: string; calls: number; ok: number; errcodes: Record<string, number> }[];
    };
    expect(totals).toEqual([
      { path: '/wxa/gettemplatelist', account: sim.platform.componentAppid, calls: 7, ok: 5, errcodes: { 45011: 2 } },
      { path: '/wxa/gettemplatelist', account: '', calls: 1, ok: 0, errcodes: { 40001: 1 } },
    ]);
    expect(((await sim.control('GET', '/calls?limit=100'))['calls'] as unknown[]).length).toBe(3);
    await sim.close();
  });

  test('quota/exhaust makes a real 45009 that clear_quota lifts', async () => {
    const sim = await startTestSim();
    const token = await componentTokenOf(sim);
    await sim.control('POST', '/quota/exhaust', { path: '/wxa/gettemplatelist' });
    expect((await sim.api('/wxa/gettemplatelist', `access_token=${token}`)).json['errcode']).toBe(45009);
    await sim.api('/cgi-bin/clear_quota', `access_token=${token}`, { body: { appid: sim.platform.componentAppid } });
    expect((await sim.api('/wxa/gettemplatelist', `access_token=${token}`)).json['errcode']).toBe(0);
    await sim.close();
  });

  test('close() stops every timer and the server; seed none has no merchants', async () => {
    const sim = await startTestSim({ ticketIntervalSeconds: 1 }, { seed: 'none' });
    expect((await sim.control('GET', '/state'))['merchants']).toEqual([]);
    await sim.close();
    await sim.close();
    await expect(http(`${sim.url}/__sim/state`)).rejects.toThrow();
  });
});
