import { coded } from '../../../contract/codes.js';
import type { RelayStatusView } from '../../../contract/fleet.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Logger } from '../../platform/log/logger.js';
import type { RelayClientOptions, RelayStatus } from '../client/index.js';
import { RelayClient } from '../client/index.js';
import type { Store } from '../../platform/store/store.js';
import type { Vault } from '../../platform/vault/vault.js';

/** What the runner passes through to every client it starts. */
export type RelayWiring = Pick<RelayClientOptions, 'crypt' | 'cursorStore' | 'dedupe' | 'apply' | 'reject' | 'rpc'>;
/** Test and tuning knobs (backoff, ping interval…). */
export type RelayTuning = Partial<Omit<RelayClientOptions, keyof RelayWiring | 'url' | 'deviceToken'>>;

export interface RelayRunnerDeps {
  store: Store;
  vault: Vault;
  clock: Clock;
  logger: Logger;
  wiring: RelayWiring;
  tuning?: RelayTuning;
  onStatus: (view: RelayStatusView) => void;
  /** A new client started (send it the open invitations). */
  onStarted: (client: RelayClient) => void;
}

export interface RelayRunner {
  /** Starts, restarts or stops the client to match the relay URL and device token in the settings. */
  sync(): Promise<void>;
  client(): RelayClient | null;
  status(): RelayStatusView;
  stop(): Promise<void>;
}

export const toStatusView = (s: RelayStatus): RelayStatusView => ({
  state: s.state,
  detail: s.state === 'disconnected' && s.reason !== null ? coded(`relay_link_${s.reason}`) : null,
  backlog: s.backlog,
  lastPushAt: s.lastPushAt === null ? null : new Date(s.lastPushAt).toISOString(),
});

const STOPPED: RelayStatusView = { state: 'stopped', detail: null, backlog: null, lastPushAt: null };

export function createRelayRunner(deps: RelayRunnerDeps): RelayRunner {
  let current: { client: RelayClient; key: string; unsubscribe: () => void } | null = null;
  let chain: Promise<void> = Promise.resolve();

  async function stopCurrent(): Promise<void> {
    if (current === null) return;
    const { client, unsubscribe } = current;
    current = null;
    await client.stop();
    unsubscribe();
    deps.onStatus(STOPPED);
  }

  async function apply(): Promise<void> {
    const url = deps.store.settings.data.relayUrl;
    const token = deps.vault.get('relay.deviceToken') ?? '';
    const key = `${url}\u0000${token}`;
    if (current?.key === key) return;
    await stopCurrent();
    if (url === '' || token === '') return;
    const client = new RelayClient({
      ...deps.tuning,
      ...deps.wiring,
      url,
      deviceToken: token,
      logger: deps.logger,
      clock: deps.clock,
    });
    const unsubscribe = client.onStatus((s) => deps.onStatus(toStatusView(s)));
    current = { client, key, unsubscribe };
    deps.onStarted(client);
    client.start();
  }

  return {
    sync() {
      // Serialized: two quick settings saves must not leave two clients running.
      chain = chain.then(apply, apply);
      return chain;
    },
    client: () => current?.client ?? null,
    status: () => (current === null ? STOPPED : toStatusView(current.client.status())),
    async stop() {
      chain = chain.then(stopCurrent, stopCurrent);
      await chain;
    },
  };
}
