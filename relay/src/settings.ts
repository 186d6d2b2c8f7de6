import type { Logger } from 'pino';
import { z } from 'zod';

/*
 * The relay's settings as zod schemas with their defaults: the types are derived from them, and every value given
 * programmatically (tests, the demo stack) or by the CLI is checked once, here.
 */

export const DEFAULT_EGRESS_ALLOW = ['api.weixin.qq.com:443'] as const;

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const int = (min: number, max = Number.MAX_SAFE_INTEGER): z.ZodNumber => z.number().int().min(min).max(max);

const limitsSchema = z.object({
  /** Largest accepted push body. */
  bodyLimit: int(1024, 16 * 1024 * 1024).default(64 * 1024),
  /** Whole request, headers and body, must arrive within this (cuts off slow bodies). */
  requestTimeoutMs: int(1).default(10_000),
  headersTimeoutMs: int(1).default(5_000),
  /** Idle sockets (keep-alive, stalled uploads) are closed after this. */
  connectionTimeoutMs: int(1).default(30_000),
  /** How often Node checks requestTimeout/headersTimeout. */
  checkIntervalMs: int(1).default(1_000),
});

const wsSchema = z.object({
  pingIntervalMs: int(10).default(10_000),
  /** Pushes sent but not yet acked, per connection. */
  window: int(1, 100_000).default(128),
  /** Events read from the store per replay query. */
  pageSize: int(1, 10_000).default(64),
  maxPayload: int(1024).default(256 * 1024),
  maxConnectionsPerDevice: int(1, 1_000).default(4),
  helloTimeoutMs: int(1).default(10_000),
  rpcTimeoutMs: int(1).default(8_000),
  /** How often acked cursors are written and revoked devices' connections and tunnels closed: revocation ≤ this. */
  sweepIntervalMs: int(10).default(500),
});

const tunnelSchema = z.object({
  /** `host:port` pairs devices may CONNECT to (lower-cased). */
  allow: z
    .array(z.string().min(3).max(300))
    .default([...DEFAULT_EGRESS_ALLOW])
    .transform((list) => list.map((entry) => entry.toLowerCase())),
  idleTimeoutMs: int(1).default(120_000),
  connectTimeoutMs: int(1).default(10_000),
  maxTunnels: int(1, 100_000).default(64),
  /** A tunnel is closed after this long even when busy; the device opens a new one. */
  maxLifetimeMs: int(1).default(15 * 60_000),
});

const retentionSchema = z.object({
  maxAgeMs: int(1).default(30 * DAY),
  /** Authorization callbacks: their auth codes expire in minutes. */
  callbackMaxAgeMs: int(1).default(DAY),
  /** Launch-page attempt records. */
  attemptMaxAgeMs: int(1).default(7 * DAY),
  intervalMs: int(10).default(60_000),
});

const pushSchema = z.object({
  /** Pushes whose signed timestamp is further than this from the relay's clock are refused (replays). */
  timestampToleranceMs: int(1).default(6 * HOUR),
});

/** Fixed-memory limits on the anonymous launch page and its callback (`/authorize*`). */
const rateLimitSchema = z.object({
  windowMs: int(1).default(60_000),
  /** Requests per window from one client IP. */
  perIp: int(1).default(30),
  /** Requests per window for one invitation, from anywhere. */
  perInvite: int(1).default(20),
  /** Counters kept per kind; keys that share a slot share a counter, so memory never grows. */
  slots: int(1, 1 << 20).default(4096),
  /** How long the desktop's authorization URL for an invitation and variant is reused for further visits. */
  urlCacheMs: int(0).default(30_000),
  /** Invitations whose URL is kept at most (oldest dropped first). */
  urlCacheEntries: int(1, 1 << 20).default(1024),
});

const settingsSchema = z.object({
  limits: limitsSchema,
  ws: wsSchema,
  tunnel: tunnelSchema,
  retention: retentionSchema,
  push: pushSchema,
  rateLimit: rateLimitSchema,
});

export type Limits = z.infer<typeof limitsSchema>;
export type WsSettings = z.infer<typeof wsSchema>;
export type TunnelSettings = z.infer<typeof tunnelSchema>;
export type RetentionSettings = z.infer<typeof retentionSchema>;
export type PushSettings = z.infer<typeof pushSchema>;
export type RateLimitSettings = z.infer<typeof rateLimitSchema>;
export type ResolvedSettings = z.infer<typeof settingsSchema>;

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

export class SettingsError extends Error {}

/** Fills in defaults and checks every value; throws SettingsError naming each bad one. */
export function resolveSettings(options: RelayOptions): ResolvedSettings {
  const result = settingsSchema.safeParse({
    limits: options.limits ?? {},
    ws: options.ws ?? {},
    tunnel: { ...options.tunnel, allow: options.tunnel?.allow ? [...options.tunnel.allow] : undefined },
    retention: options.retention ?? {},
    push: options.push ?? {},
    rateLimit: options.rateLimit ?? {},
  });
  if (result.success) return result.data;
  throw new SettingsError(
    `relay settings: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
}
