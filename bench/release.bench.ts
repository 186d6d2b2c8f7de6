import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WxCrypt } from '@wxfleet/protocol';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { realProfileConfig } from '../src-main/core/app/app-config.js';
import { systemClock } from '../src-main/core/platform/clock/clock.js';
import type { App } from '../src-main/core/app/create-app.js';
import { createApp } from '../src-main/core/app/create-app.js';
import { wireRelease } from '../src-main/core/app/wire-release.js';
import type { JobEngine } from '../src-main/core/release/jobs/job-engine.js';
import type { Ledger } from '../src-main/core/release/ledger/ledger.js';
import type { ReleaseSettings } from '../src-main/core/release/release-settings.js';
import type { Keychain } from '../src-main/core/platform/vault/keychain.js';
import type { WeChatStack } from '../src-main/core/wechat/wechat-stack.js';
import { startTicketReceiver } from '../test/core/helpers/ticket-receiver.js';
import type { BenchRow } from './bench-row.js';

const APPS = 1000;
const SEQUENTIAL_SAMPLE = 50;
const LATENCY_MS = 50;
const CONCURRENCY = 16;
const TOKEN_PATHS = ['/cgi-bin/component/api_authorizer_token', '/cgi-bin/component/api_component_token'];

interface Call {
  at: string;
  path: string;
}

interface RunningSimulator {
  url: string;
  controlKey: string;
  platform: { componentAppid: string; componentAppsecret: string; token: string; encodingAESKey: string };
  close(): Promise<void>;
}

const SIM_CLI = fileURLToPath(new URL('../simulator/src/cli.ts', import.meta.url));

/** The simulator in its own process, so it does not share the measured event loop. */
async function startSim(config: object, dir: string): Promise<RunningSimulator> {
  const configFile = join(dir, 'sim-config.json');
  await writeFile(configFile, JSON.stringify(config));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SIM_CLI, '--json', '--port', '0', '--seed', 'none', '--config', configFile],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  const info = JSON.parse(line) as Omit<RunningSimulator, 'close'>;
  return {
    ...info,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function memoryKeychain(): Keychain {
  const entries = new Map<string, string>();
  return {
    getPassword: async (service, account) => entries.get(`${service}/${account}`) ?? null,
    setPassword: async (service, account, password) => void entries.set(`${service}/${account}`, password),
    deletePassword: async (service, account) => entries.delete(`${service}/${account}`),
  };
}

async function control<T>(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sim.url}/__sim${path}`, {
    method,
    headers: { 'X-Sim-Key': sim.controlKey, 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** Seeds and authorizes `count` mini-programs and adopts their tokens (before any latency is injected). */
async function onboard(sim: RunningSimulator, stack: WeChatStack, count: number, componentAppid: string) {
  const merchants = Array.from({ length: count }, (_, i) => ({ name: `M${i}`, apps: [{ nickName: `Shop ${i}` }] }));
  const added = await control<{ merchants: { apps: string[] }[] }>(sim, 'POST', '/merchants', { merchants });
  const appids = added.merchants.flatMap((m) => m.apps);
  for (const appid of appids) {
    const { authCode } = await control<{ authCode: string }>(sim, 'POST', '/merchant/authorize', { appid });
    const info = (await stack.api.apiQueryAuth({ component_appid: componentAppid, authorization_code: authCode }))
      .authorization_info;
    await stack.authorizers.adopt(appid, {
      accessToken: info.authorizer_access_token ?? '',
      expiresIn: info.expires_in ?? 0,
      refreshToken: info.authorizer_refresh_token ?? '',
    });
    await stack.api.setPrivacySetting(appid, {
      privacy_ver: 2,
      owner_setting: { contact_email: 'ops@example.com', notice_method: 'in-app' },
      setting_list: [{ privacy_key: 'UserInfo', privacy_text: 'profile' }],
    });
  }
  return appids;
}

export async function run(): Promise<BenchRow[]> {
  const receiver = await startTicketReceiver();
  const root = await mkdtemp(join(tmpdir(), 'wxfleet-bench-release-'));
  const sim = await startSim(
    {
      push: { componentEventUrl: receiver.url },
      privacyScanSeconds: 0,
      callLogSize: 200_000,
      audit: { durationSeconds: 36_000, monthlyQuota: 5_000 },
    },
    root,
  );
  receiver.crypt = new WxCrypt({
    token: sim.platform.token,
    encodingAESKey: sim.platform.encodingAESKey,
    appId: sim.platform.componentAppid,
  });
  // The simulator pushes its first ticket as it starts.
  for (let i = 0; i < 100 && !receiver.latest; i++) await new Promise((r) => setTimeout(r, 50));
  const settings: Partial<ReleaseSettings> = {
    concurrency: CONCURRENCY,
    maxConcurrency: CONCURRENCY,
    buildItemList: false,
    auditPollMs: 3_600_000,
    rate: { perSecond: 1_000, burst: 64 },
  };
  const app: App = await createApp(
    { ...realProfileConfig(root, 'bench', 'bench'), wechat: { baseUrl: sim.url, tuning: {} }, release: settings },
    { keychain: memoryKeychain(), emit: () => undefined },
  );
  const { store, wechat: stack } = app.services;
  await app.services.settings.savePlatform({
    componentAppid: sim.platform.componentAppid,
    appsecret: sim.platform.componentAppsecret,
    token: sim.platform.token,
    encodingAESKey: sim.platform.encodingAESKey,
  });
  await app.services.settings.savePreferences({ egress: 'direct' });
  await app.start();
  if (receiver.latest) await stack.tickets.put(receiver.latest, Date.now());
  try {
    const all = await onboard(sim, stack, 2 * APPS + SEQUENTIAL_SAMPLE, sim.platform.componentAppid);
    await store.authorizers.update((d) => {
      for (const appid of all)
        d.byAppid[appid] = {
          appid,
          nickname: appid,
          userName: '',
          principal: '',
          funcInfo: [18],
          status: 'authorized',
          statusReason: null,
          authTime: null,
          updatedAt: Date.now(),
        };
    });
    const sample = all.slice(2 * APPS);
    const draft = await control<{ draft_id: number }>(sim, 'POST', '/drafts', {
      user_version: '9.0.0',
      user_desc: 'bench',
    });
    await stack.api.addToTemplate({ draft_id: draft.draft_id });
    const templateId =
      (await stack.api.getTemplateList()).template_list.find((t) => t.user_version === '9.0.0')?.template_id ?? 0;
    await control(sim, 'POST', '/faults', { path: '*', kind: 'latency', latencyMs: LATENCY_MS });

    // Sequential baseline: the loop agencies run today, on a sample.
    const seqStart = performance.now();
    for (const appid of sample) {
      const extJson = JSON.stringify({ extEnable: true, extAppid: appid, ext: { shop: appid } });
      await stack.api.commit(appid, {
        template_id: templateId,
        ext_json: extJson,
        user_version: '9.0.0',
        user_desc: 'seq',
      });
      await stack.api.getCodePrivacyInfo(appid);
      await stack.api.submitAudit(appid, {});
    }
    const sequentialPerApp = (performance.now() - seqStart) / SEQUENTIAL_SAMPLE;

    const measure = async (appids: string[], engine: JobEngine) => {
      const before = (await control<{ calls: Call[] }>(sim, 'GET', '/calls?limit=200000')).calls.length;
      const start = performance.now();
      const job = await engine.start({
        templateId,
        appids,
        userVersion: '9.0.0',
        userDesc: 'bench',
        canary: 0,
        autoRelease: false,
        concurrency: CONCURRENCY,
      });
      for (;;) {
        const view = engine.get(job.id);
        if ((view.counts.auditing ?? 0) + (view.counts.failed ?? 0) === appids.length) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const wall = performance.now() - start;
      const calls = (await control<{ calls: Call[] }>(sim, 'GET', '/calls?limit=200000')).calls.slice(before);
      return { wall, calls: calls.length, tokenCalls: calls.filter((c) => TOKEN_PATHS.includes(c.path)).length };
    };
    // The job engine alone: the app's release side wired again over a ledger that keeps nothing.
    const nullLedger: Ledger = {
      record: async () => ({}) as never,
      list: async () => [],
      entries: () => [],
      appids: () => [],
      extJsonText: () => null,
    };
    const stubbed = wireRelease({
      ...app.services,
      api: stack.api,
      ledger: nullLedger,
      emit: () => undefined,
      settings,
      random: Math.random,
      row: (appid) => app.services.fleet.row(appid),
      clock: systemClock,
    });
    const engine = await measure(all.slice(0, APPS), stubbed.engine);
    stubbed.stop();
    await app.services.tasks.drain();
    const full = await measure(all.slice(APPS, 2 * APPS), app.services.release.engine);
    const bound = (calls: number): number => (calls * LATENCY_MS) / CONCURRENCY;
    const sequential = sequentialPerApp * APPS;
    const rssMb = process.resourceUsage().maxRSS / 1024;
    const name = `${APPS} apps, ${LATENCY_MS} ms/call, concurrency ${CONCURRENCY}`;
    return [
      {
        name: `release: commit+submit ${name} (job engine; ledger stubbed)`,
        value: engine.wall,
        unit: 'ms',
        baseline: bound(engine.calls),
        ratio: bound(engine.calls) / engine.wall,
        goal: 'ratio ≥ 0.83 (within 1.2× of calls × latency ÷ concurrency)',
      },
      {
        name: `release: commit+submit ${name} (with the version ledger on disk)`,
        value: full.wall,
        unit: 'ms',
        baseline: bound(full.calls),
        ratio: bound(full.calls) / full.wall,
        goal: 'ratio ≥ 0.83',
      },
      {
        name: `release: sequential loop (measured on ${SEQUENTIAL_SAMPLE} apps, scaled to ${APPS})`,
        value: sequential,
        unit: 'ms',
        baseline: engine.wall,
        ratio: sequential / engine.wall,
        goal: 'ratio ≥ 12 (job engine that much faster)',
      },
      {
        name: 'release: sequential vs job with the ledger on disk',
        value: sequential,
        unit: 'ms',
        baseline: full.wall,
        ratio: sequential / full.wall,
        goal: 'ratio ≥ 12',
      },
      {
        name: 'release: API calls per mini-program',
        value: engine.calls / APPS,
        unit: 'calls',
        goal: 'commit, get_code_privacy_info, submit_audit',
      },
      {
        name: 'release: token calls during the jobs',
        value: engine.tokenCalls + full.tokenCalls,
        unit: 'calls',
        goal: '0 (no redundant token call)',
      },
      { name: 'release: peak RSS of the console process (simulator in its own process)', value: rssMb, unit: 'MiB' },
    ];
  } finally {
    await app.stop();
    await sim.close();
    await receiver.close();
    await rm(root, { recursive: true, force: true });
  }
}
