import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AuthPages } from './auth-page.js';
import { resolveConfig } from './config.js';
import type { PlatformConfig, SimulatorConfigInput } from './config.js';
import { ControlApi } from './control/control-api.js';
import { createSimServer } from './http/server.js';
import { Registrations } from './engine/registrations.js';
import { PersonPages } from './person-pages.js';
import { TicketTimer } from './push/ticket-timer.js';
import { buildRoutes } from './routes/index.js';
import { seedDemo } from './seed-demo.js';
import { Sim } from './sim.js';

export { ConfigError, defaultConfig, resolveConfig } from './config.js';
export type { SimulatorConfig, SimulatorConfigInput, PlatformConfig } from './config.js';
export { DEMO_MERCHANTS } from './seed-demo.js';

export interface StartOptions {
  port?: number;
  host?: string;
  /** Partial config, validated; unknown keys are rejected. */
  config?: SimulatorConfigInput;
  seed?: 'demo' | 'none';
  controlKey?: string;
}

export interface RunningSimulator {
  url: string;
  controlKey: string;
  platform: PlatformConfig;
  close(): Promise<void>;
}

/** Starts one simulator: state, timers, and one HTTP server for the API host, the authorization pages and /__sim/. */
export async function startSimulator(options: StartOptions = {}): Promise<RunningSimulator> {
  const config = resolveConfig(options.config ?? {});
  const sim = new Sim(config);
  const registrations = new Registrations();
  const routes = buildRoutes(config, registrations);
  const tickets = new TicketTimer(sim);
  const controlKey = options.controlKey ?? randomBytes(18).toString('base64url');
  if (controlKey.length < 8) throw new Error('controlKey must be at least 8 characters');
  const server = createSimServer({
    sim,
    routes,
    pages: new AuthPages(sim),
    persons: new PersonPages(sim, registrations),
    control: new ControlApi(sim, controlKey, tickets, registrations),
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}`;
  sim.baseUrl = url;
  if ((options.seed ?? 'none') === 'demo') seedDemo(sim);
  tickets.start(config.push.ticketOnStart);
  let closing: Promise<void> | null = null;
  return {
    url,
    controlKey,
    platform: { ...config.platform },
    close() {
      closing ??= new Promise<void>((resolve) => {
        tickets.stop();
        sim.clock.close();
        sim.pusher.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
