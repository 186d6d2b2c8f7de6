import type { Logger } from 'pino';

export interface Limits {
  /** Largest accepted push body. */
  bodyLimit: number;
  /** Whole request, headers and body, must arrive within this (cuts off slow bodies). */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** Idle sockets (keep-alive, stalled uploads) are closed after this. */
  connectionTimeoutMs: number;
  /** How often Node checks requestTimeout/headersTimeout. */
  checkIntervalMs: number;
}

export interface WsSettings {
  pingIntervalMs: number;
  /** Pushes sent but not yet acked, per connection. */
  window: number;
  /** Events read from the store per replay query. */
  pageSize: number;
  maxPayload: number;
  maxConnectionsPerDevice: number;
  helloTimeoutMs: number;
  rpcTimeoutMs: number;
  /** How often acked cursors are written and revoked devices disconnected (tunnels too): revocation takes ≤ this. */
  sweepIntervalMs: number;
}

export interface TunnelSettings {
  allow: readonly string[];
  idleTimeoutMs: number;
  connectTimeoutMs: number;
  maxTunnels: number;
  /** A tunnel is closed after this long even when busy; the device opens a new one. */
  maxLifetimeMs: number;
}

export interface PushSettings {
  /** Pushes whose signed timestamp is further than this from the relay's clock are refused (replays). */
  timestampToleranceMs: number;
}

/** Fixed-memory limits on the anonymous launch page and its callback (`/authorize*`). */
export interface RateLimitSettings {
  windowMs: number;
  /** Requests per window from one client IP. */
  perIp: number;
  /** Requests per window for one invitation, from anywhere. */
  perInvite: number;
  /** Counters kept per kind; keys that share a slot share a counter, so memory never grows. */
  slots: number;
}

export interface RetentionSettings {
  maxAgeMs: number;
  /** Authorization callbacks: their auth codes expire in minutes. */
  callbackMaxAgeMs: number;
  /** Launch-page attempt records. */
  attemptMaxAgeMs: number;
  intervalMs: number;
}

export interface RelayOptions {
  dataDir: string;
  /** One Token, or two while the Token is being changed in the open-platform console. */
  wechatTokens: readonly string[];
  /** The public https origin WeChat and merchants reach, e.g. https://relay.example.com. */
  publicUrl: string;
  logger?: Logger;
  limits?: Partial<Limits>;
  ws?: Partial<WsSettings>;
  tunnel?: Partial<Omit<TunnelSettings, 'allow'>> & { allow?: readonly string[] };
  retention?: Partial<RetentionSettings>;
  push?: Partial<PushSettings>;
  rateLimit?: Partial<RateLimitSettings>;
}

export interface ResolvedSettings {
  limits: Limits;
  ws: WsSettings;
  tunnel: TunnelSettings;
  retention: RetentionSettings;
  push: PushSettings;
  rateLimit: RateLimitSettings;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export const DEFAULT_EGRESS_ALLOW = ['api.weixin.qq.com:443'] as const;

export function resolveSettings(options: RelayOptions): ResolvedSettings {
  return {
    limits: {
      bodyLimit: 64 * 1024,
      requestTimeoutMs: 10_000,
      headersTimeoutMs: 5_000,
      connectionTimeoutMs: 30_000,
      checkIntervalMs: 1_000,
      ...options.limits,
    },
    ws: {
      pingIntervalMs: 10_000,
      window: 128,
      pageSize: 64,
      maxPayload: 256 * 1024,
      maxConnectionsPerDevice: 4,
      helloTimeoutMs: 10_000,
      rpcTimeoutMs: 8_000,
      sweepIntervalMs: 500,
      ...options.ws,
    },
    tunnel: {
      idleTimeoutMs: 120_000,
      connectTimeoutMs: 10_000,
      maxTunnels: 64,
      maxLifetimeMs: 15 * 60_000,
      ...options.tunnel,
      allow: (options.tunnel?.allow ?? DEFAULT_EGRESS_ALLOW).map((entry) => entry.toLowerCase()),
    },
    retention: {
      maxAgeMs: 30 * DAY,
      callbackMaxAgeMs: DAY,
      attemptMaxAgeMs: 7 * DAY,
      intervalMs: 60_000,
      ...options.retention,
    },
    push: { timestampToleranceMs: 6 * HOUR, ...options.push },
    rateLimit: { windowMs: 60_000, perIp: 30, perInvite: 20, slots: 4096, ...options.rateLimit },
  };
}
