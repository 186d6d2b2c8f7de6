import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { attachTunnel } from './egress/tunnel.js';
import type { Tunnel } from './egress/tunnel.js';
import { createLogger, redactUrl } from './logger.js';
import { authorizeRoutes } from './routes/authorize.js';
import { healthRoutes } from './routes/healthz.js';
import { wechatIntake } from './routes/wechat-intake.js';
import { resolveSettings } from './settings.js';
import type { RelayOptions, ResolvedSettings } from './settings.js';
import { openStore } from './store/relay-store.js';
import type { RelayStore } from './store/relay-store.js';
import { Hub } from './ws/hub.js';

export interface RelayContext {
  store: RelayStore;
  hub: Hub;
  tunnel: Tunnel;
  settings: ResolvedSettings;
  /** Runs retention now; also runs on a timer. */
  prune: () => Promise<number>;
  /** Writes acked cursors and closes connections and tunnels of revoked devices; also runs on a timer. */
  sweep: () => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    relay: RelayContext;
  }
}

/** Builds the relay: opens the store, wires the hub, tunnel and routes. `server.ts` only listens. */
export async function buildApp(options: RelayOptions): Promise<FastifyInstance> {
  if (options.wechatTokens.length === 0) throw new Error('at least one WeChat Token is required');
  const settings = resolveSettings(options);
  const { limits } = settings;
  const logger = options.logger ?? createLogger('silent');
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: limits.bodyLimit,
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.connectionTimeoutMs,
    keepAliveTimeout: 5_000,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
      maxHeaderSize: 16 * 1024,
    },
    trustProxy: 'loopback',
    return503OnClosing: true,
    // Two log lines per request at 2,000 pushes/s is real work; refused requests are logged below, pushes at debug.
    disableRequestLogging: true,
    forceCloseConnections: true,
  });

  const store = openStore(options.dataDir, { busyTimeoutMs: 1_000 });
  try {
    await store.startCommitWorker();
  } catch (error) {
    await store.close();
    throw error;
  }
  const hub = new Hub(store, settings.ws, logger.child({ component: 'hub' }));
  const tunnel = attachTunnel(app.server, store.devices, settings.tunnel, logger.child({ component: 'tunnel' }));
  const prune = async (): Promise<number> => {
    const deleted = await store.prune(Date.now(), settings.retention);
    if (deleted > 0) logger.info({ deleted }, 'retention removed delivered or expired rows');
    return deleted;
  };
  const retentionTimer = setInterval(() => {
    prune().catch((error: unknown) => logger.error({ err: error }, 'retention failed'));
  }, settings.retention.intervalMs);
  retentionTimer.unref();

  // Revocation comes from the CLI (another process): polled, so connections and tunnels close within one interval.
  const sweep = (): void => {
    store.devices.flushAcks().catch((error: unknown) => logger.error({ err: error }, 'acks not written'));
    const revoked = store.devices.revokedAmong([...new Set([...hub.deviceIds(), ...tunnel.deviceIds()])]);
    if (revoked.size === 0) return;
    hub.closeDevices(revoked);
    tunnel.closeDevices(revoked);
  };
  const sweepTimer = setInterval(() => {
    try {
      sweep();
    } catch (error) {
      logger.error({ err: error }, 'sweep failed');
    }
  }, settings.ws.sweepIntervalMs);
  sweepTimer.unref();

  app.decorate('relay', { store, hub, tunnel, settings, prune, sweep });
  app.server.on('upgrade', (request, socket, head) => hub.handleUpgrade(request, socket, head));
  app.addHook('preClose', async () => {
    clearInterval(retentionTimer);
    clearInterval(sweepTimer);
    hub.close();
    tunnel.close();
  });
  app.addHook('onClose', async () => store.close());
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode >= 400)
      request.log.info(
        { method: request.method, path: redactUrl(request.url), statusCode: reply.statusCode },
        'request refused',
      );
  });
  // Fastify's own not-found handler logs and echoes the whole URL, query string (tokens, auth codes) included.
  app.setNotFoundHandler((request, reply) => {
    request.log.info({ method: request.method, path: redactUrl(request.url) }, 'unknown route');
    return reply.code(404).type('text/plain; charset=utf-8').send('not found');
  });

  await app.register(wechatIntake, {
    events: store.events,
    tokens: options.wechatTokens,
    bodyLimit: limits.bodyLimit,
    timestampToleranceMs: settings.push.timestampToleranceMs,
  });
  await app.register(authorizeRoutes, {
    hub,
    events: store.events,
    invites: store.invites,
    rateLimit: settings.rateLimit,
  });
  await app.register(healthRoutes, { store, hub, tunnel });
  return app;
}
