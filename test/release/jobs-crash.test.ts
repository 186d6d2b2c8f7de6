import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { readEnvelope } from '../../src-main/core/platform/aggregate/json-file-adapter.js';
import type { Release } from '../../src-main/core/platform/store/release-aggregate.js';
import { appEffects, callsPerAccount } from '../helpers/wechat-witness.js';
import type { ReleaseFixture } from './jobs-fixture.js';
import { startReleaseFixture } from './jobs-fixture.js';

let f: ReleaseFixture | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await f?.close();
});

const CHILD = join(import.meta.dirname, 'jobs-crash-child.ts');

function run(env: Record<string, string>): { proc: ChildProcess; exited: Promise<number | null>; out: () => string } {
  let out = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: join(import.meta.dirname, '../..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, exited, out: () => out };
}

it('killed at random moments during a 200-item job, it never sends a commit or a submission twice and finishes', async () => {
  f = await startReleaseFixture({ apps: 200 });
  const fx = f;
  const templateId = await fx.addTemplate('3.0.0');
  const auditsBefore = await appEffects(fx.h.control);
  // The child owns the profile from now on; this process only plays WeChat.
  await fx.h.app.stop();
  const cfg = JSON.stringify({
    config: fx.h.app.config,
    spec: { templateId, appids: fx.appids, userVersion: '3.0.0', userDesc: 'crash test', canary: 0, autoRelease: true },
  });
  // Enough latency that the job outlives several random kills, whatever the machine's speed.
  await fx.h.control('POST', '/faults', { path: '*', kind: 'latency', latencyMs: 80, jitterMs: 40 });
  const kills: number[] = [];
  for (let i = 0; i < 4; i++) {
    const c = run({ WXFLEET_CRASH_CFG: cfg });
    child = c.proc;
    const delay = 1500 + Math.floor(Math.random() * 2500);
    const code = await Promise.race([c.exited, new Promise<'kill'>((r) => setTimeout(() => r('kill'), delay))]);
    if (code !== 'kill') break;
    c.proc.kill('SIGKILL');
    await c.exited;
    kills.push(delay);
  }
  const last = run({ WXFLEET_CRASH_CFG: cfg });
  child = last.proc;
  expect(await last.exited, last.out()).toBe(0);
  expect(last.out()).toContain('finished');
  expect(kills.length).toBeGreaterThanOrEqual(3);

  const release = (await readEnvelope(join(fx.h.paths.storeDir, 'release.json')))?.data as Release;
  const job = Object.values(release.jobs)[0];
  expect(job?.status).toBe('finished');
  expect(Object.values(job?.items ?? {}).every((i) => i.state === 'released')).toBe(true);

  // The simulator is the witness. Every call counts, refused ones too: a second submission WeChat refused (85009)
  // or a second release it refused would still be a call this job must never have made.
  for (const path of ['/wxa/commit', '/wxa/submit_audit', '/wxa/release']) {
    const perApp = await callsPerAccount(fx.h.control, path);
    expect([...perApp.keys()].sort(), path).toEqual([...fx.appids].sort());
    for (const appid of fx.appids) expect(perApp.get(appid), `${path} for ${appid}`).toMatchObject({ calls: 1, ok: 1 });
  }
  // And by what WeChat holds: one new submission and one release of the version per mini-program.
  const after = await appEffects(fx.h.control);
  for (const appid of fx.appids) {
    const app = after.get(appid);
    expect(app?.auditsSubmitted, appid).toBe((auditsBefore.get(appid)?.auditsSubmitted ?? 0) + 1);
    expect(
      app?.history.filter((v) => v.user_version === '3.0.0'),
      appid,
    ).toHaveLength(1);
  }
}, 150_000);
