import type { FastifyPluginAsync } from 'fastify';
import { bearerToken } from '../auth.js';
import { readPragmas } from '../store/database.js';
import type { RelayStore } from '../store/relay-store.js';
import type { Hub } from '../ws/hub.js';
import type { Tunnel } from '../egress/tunnel.js';

export interface HealthOptions {
  store: RelayStore;
  hub: Hub;
  tunnel: Tunnel;
}

/** GET /healthz — liveness for anyone; queue details only for an authenticated device. */
export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, { store, hub, tunnel }) => {
  app.get('/healthz', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    if (!store.db.open) return reply.code(503).send({ status: 'storage closed' });
    const token = bearerToken(request.headers.authorization);
    if (token === null || store.devices.authenticate(token) === null) return { status: 'ok' };
    const pragmas = readPragmas(store.db);
    return {
      status: 'ok',
      headSeq: store.events.headSeq(),
      storedEvents: store.events.count(),
      devicesOnline: hub.readyCount(),
      tunnelsOpen: tunnel.open(),
      commits: store.events.stats,
      journalMode: pragmas.journalMode,
      synchronous: pragmas.synchronous,
    };
  });
};
