// Runs the release core in its own process against a profile directory, so a test can SIGKILL it mid-job.
import { join } from 'node:path';
import type { DeployJobSpec } from '../../src-main/contract/release.js';
import { systemClock } from '../../src-main/core/platform/clock/clock.js';
import { PushBus } from '../../src-main/core/events/push-bus.js';
import { profilePaths } from '../../src-main/core/platform/fs/profile-paths.js';
import { createReleaseHandlers } from '../../src-main/core/app/release-handlers.js';
import { startRelease } from '../../src-main/core/app/start-release.js';
import { openLedger } from '../../src-main/core/release/ledger/ledger.js';
import { silentLogger } from '../../src-main/core/platform/log/logger.js';
import type { ReleaseDeps } from '../../src-main/core/release/release-deps.js';
import { openStore } from '../../src-main/core/platform/store/store.js';
import { createWeChatStack } from '../../src-main/core/wechat/wechat-stack.js';
import { keytarKeychain } from '../../src-main/core/platform/vault/keytar-keychain.js';
import { openVault } from '../../src-main/core/platform/vault/vault.js';
import { testRenderer } from './jobs-ext-json.js';

interface ChildConfig {
  simUrl: string;
  root: string;
  keychainService: string;
  spec: DeployJobSpec;
}

const cfg = JSON.parse(process.env['WXFLEET_CRASH_CFG'] ?? '{}') as ChildConfig;
const clock = systemClock;
const logger = silentLogger;
const paths = profilePaths(cfg.root, 'acme');
const vault = await openVault({ paths, keychain: keytarKeychain(), logger, clock, service: cfg.keychainService });
const store = await openStore({ dir: paths.storeDir, logger, clock });
const stack = createWeChatStack({
  vault,
  store,
  clock,
  logger,
  egress: { mode: 'direct' },
  baseUrl: cfg.simUrl,
  retry: { baseDelayMs: 20, maxDelayMs: 200 },
});
const ledger = await openLedger({ dir: join(cfg.root, 'ledger'), logger, clock });
const deps: ReleaseDeps = {
  store,
  api: stack.api,
  ledger,
  renderExtJson: testRenderer(),
  pushBus: new PushBus(),
  clock,
  logger,
  emit: () => undefined,
  settings: {
    concurrency: 16,
    scanPollMs: 300,
    auditPollMs: 700,
    retry: { maxAttempts: 12, baseDelayMs: 100, maxDelayMs: 1500 },
  },
};
const handlers = createReleaseHandlers(deps);
const runtime = startRelease(deps);
if (Object.keys(store.release.data.jobs).length === 0) await handlers['jobs:startDeploy'](cfg.spec);
process.stdout.write('started\n');
for (;;) {
  const [job] = await handlers['jobs:list']();
  if (job && job.status !== 'running' && job.status !== 'waiting_canary') {
    await runtime.stop();
    stack.close();
    process.stdout.write(`${job.status}\n`);
    process.exit(0);
  }
  await new Promise((r) => setTimeout(r, 200));
}
