import type { BackoffOptions } from './backoff.js';
import type { SocketFactory } from './connection.js';
import { silentLogger, systemClock, wsFactory } from './defaults.js';
import type {
  AppliedEvent,
  CryptProvider,
  CursorStore,
  DedupeStore,
  PushCrypt,
  RejectedEvent,
  RelayClock,
  RelayLogger,
  RpcHandlers,
} from './types.js';

export interface RelayClientOptions {
  /** The relay's `wss://host/ws`, or its https origin (then `/ws` is used). */
  url: string;
  deviceToken: string;
  crypt: PushCrypt | CryptProvider;
  cursorStore: CursorStore;
  dedupe: DedupeStore;
  apply: (event: AppliedEvent) => Promise<void>;
  /** Records invalid pushes, pushes `apply` kept failing on, and seqs the relay no longer has. */
  reject: (event: RejectedEvent) => Promise<void>;
  rpc: RpcHandlers;
  logger?: RelayLogger;
  clock?: RelayClock;
  /** For backoff jitter; [0, 1). */
  random?: () => number;
  createSocket?: SocketFactory;
  backoff?: Partial<BackoffOptions>;
  /** Client ping interval; a relay silent for two intervals is dropped. Default 10 s (the relay's own). */
  pingIntervalMs?: number;
  /** Wait before retrying a refused device token. Default 5 min: a revoked token must not hammer the relay. */
  unauthorizedRetryMs?: number;
  /** After this many failed `apply` calls for one push it is recorded as `apply_failed` and passed. Default 10. */
  maxApplyAttempts?: number;
  /** How long `stop()` waits for a push in flight. Default 5 s. */
  stopTimeoutMs?: number;
  /** Default 256 KiB (DESIGN.md §3). */
  maxPayload?: number;
}

type Defaulted = 'logger' | 'clock' | 'random' | 'createSocket' | 'backoff';
type Tunables = 'pingIntervalMs' | 'unauthorizedRetryMs' | 'maxApplyAttempts' | 'stopTimeoutMs' | 'maxPayload';

export type ResolvedOptions = Omit<RelayClientOptions, Defaulted | Tunables> &
  Required<Pick<RelayClientOptions, Defaulted | Tunables>>;

export function resolveOptions(options: RelayClientOptions): ResolvedOptions {
  return {
    ...options,
    logger: options.logger ?? silentLogger,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    createSocket: options.createSocket ?? wsFactory,
    backoff: options.backoff ?? {},
    pingIntervalMs: options.pingIntervalMs ?? 10_000,
    unauthorizedRetryMs: options.unauthorizedRetryMs ?? 300_000,
    maxApplyAttempts: options.maxApplyAttempts ?? 10,
    stopTimeoutMs: options.stopTimeoutMs ?? 5_000,
    maxPayload: options.maxPayload ?? 256 * 1024,
  };
}
