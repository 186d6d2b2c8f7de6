import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { RelayOptions } from './settings.js';

export interface ServeOptions extends RelayOptions {
  host: string;
  port: number;
}

export interface RunningRelay {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:8080 */
  address: string;
  stop(): Promise<void>;
}

/** Listens and stops gracefully; everything else is in app.ts. */
export async function startServer(options: ServeOptions): Promise<RunningRelay> {
  const app = await buildApp(options);
  const address = await app.listen({ host: options.host, port: options.port });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= app.close());
  return { app, address, stop };
}

/** Closes on SIGTERM/SIGINT: refuses new requests, finishes commits in flight, closes devices and the database. */
export function stopOnSignals(relay: RunningRelay, graceMs = 10_000): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    relay.app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), graceMs);
    force.unref();
    relay.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        relay.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
