/** The simulator in its own process and the helpers release benches share to onboard a fleet into it. */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { WxCrypt } from '@wxfleet/protocol';
import { realProfileConfig } from '../src-main/core/app/app-config.js';
import type { App } from '../src-main/core/app/create-app.js';
import { createApp } from '../src-main/core/app/create-app.js';
import type { JobEngine } from '../src-main/core/release/jobs/job-engine.js';
import type { ReleaseSettings } from '../src-main/core/release/release-settings.js';
import type { WeChatStack } from '../src-main/core/wechat/wechat-stack.js';
import { startTicketReceiver } from '../test/core/helpers/ticket-receiver.js';
import { memoryKeychain } from './seed-profile.js';

export interface Call {
  at: string;
  path: string;
}

export interface RunningSimulator {
  url: string;
  controlKey: string;
  platform: { componentAppid: string; componentAppsecret: string; token: string; encodingAESKey: string };
  close(): Promise<void>;
}

const SIM_CLI = fileURLToPath(new URL('../simulator/src/cli.ts', import.meta.url));

/** The simulator in its own process, so it does not share the measured event loop. */
export async function startSim(config: object, dir: string): Promise<RunningSimulator> {
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

export async function control<T>(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sim.url}/__sim${path}`, {
    method,
    headers: { 'X-Sim-Key': sim.controlKey, 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** Seeds and authorizes `count` mini-programs and adopts their tokens (before any latency is injected). */
export async function onboard(sim: RunningSimulator, stack: WeChatStack, count: number, componentAppid: string) {
  const merchants = Array.from({ length: count }, (_, i) => ({ name: `M${i}`, apps: [{ nickName: `Shop ${i}` }] }));
  const added = await control<{ merchants: { apps: string[] }[] }>(sim, 'POST', '/merchants', { merchants });
  const appids = added.merchants.flatMap((m) => m.apps);
  // Sixteen at a time: the vault coalesces the writes of tokens adopted meanwhile.
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < appids.length) {
      const appid = appids[next++]!;
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
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return appids;
}

export const TOKEN_PATHS = ['/cgi-bin/component/api_authorizer_token', '/cgi-bin/component/api_component_token'];

export interface ReleaseWorld {
  app: App;
  /** The profile's directory, and the keychain holding its master key. */
  root: string;
  keychain: ReturnType<typeof memoryKeychain>;
  sim: RunningSimulator;
  /** The onboarded mini-programs, authorized and with their privacy settings. */
  all: string[];
  templateId: number;
  /** Runs a deploy job over `appids` until every item is auditing or failed; counts the simulator's calls. */
  measure(
    appids: string[],
    engine: JobEngine,
    concurrency: number,
  ): Promise<{ wall: number; calls: number; tokenCalls: number }>;
  close(): Promise<void>;
}

/** A console (in this process) over a simulator (in its own) with `count` mini-programs onboarded and a template. */
export async function releaseWorld(count: number, settings: Partial<ReleaseSettings>): Promise<ReleaseWorld> {
  const keychain = memoryKeychain();
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
  const app: App = await createApp(
    { ...realProfileConfig(root, 'bench', 'bench'), wechat: { baseUrl: sim.url, tuning: {} }, release: settings },
    { keychain, emit: () => undefined },
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
  const all = await onboard(sim, stack, count, sim.platform.componentAppid);
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
  const draft = await control<{ draft_id: number }>(sim, 'POST', '/drafts', {
    user_version: '9.0.0',
    user_desc: 'bench',
  });
  await stack.api.addToTemplate({ draft_id: draft.draft_id });
  const templateId =
    (await stack.api.getTemplateList()).template_list.find((t) => t.user_version === '9.0.0')?.template_id ?? 0;
  return {
    app,
    root,
    keychain,
    sim,
    all,
    templateId,
    measure: async (appids, engine, concurrency) => {
      const before = (await control<{ calls: Call[] }>(sim, 'GET', '/calls?limit=200000')).calls.length;
      const start = performance.now();
      const job = await engine.start({
        templateId,
        appids,
        userVersion: '9.0.0',
        userDesc: 'bench',
        canary: 0,
        autoRelease: false,
        concurrency,
      });
      for (;;) {
        const view = engine.get(job.id);
        if ((view.counts.auditing ?? 0) + (view.counts.failed ?? 0) === appids.length) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const wall = performance.now() - start;
      const calls = (await control<{ calls: Call[] }>(sim, 'GET', '/calls?limit=200000')).calls.slice(before);
      return { wall, calls: calls.length, tokenCalls: calls.filter((c) => TOKEN_PATHS.includes(c.path)).length };
    },

    close: async () => {
      await app.stop();
      await sim.close();
      await receiver.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
