import type { EgressConfig } from './egress.js';
import type { HttpTransport } from './http-transport.js';
import { createHttpTransport } from './http-transport.js';

/** The WeChat stack's one transport: `use` moves it to another egress without rebuilding anything above it. */
export interface EgressTransport extends HttpTransport {
  /**
   * Sends through `egress` from now on; an `Error` (the relay egress is not set up) refuses every request with it.
   * Requests in flight finish on the connections they started on, which close once they are done.
   */
  use(egress: EgressConfig | Error): void;
}

export interface EgressTransportOptions {
  baseUrl?: string;
  timeoutMs?: number;
  egress: EgressConfig | Error;
}

interface Route {
  key: string;
  transport: HttpTransport;
  inFlight: number;
  retired: boolean;
}

const keyOf = (egress: EgressConfig | Error): string =>
  egress instanceof Error
    ? `refused\u0000${egress.message}`
    : egress.mode === 'relay'
      ? `relay\u0000${egress.relayUrl}\u0000${egress.deviceToken}`
      : 'direct';

const refusing = (error: Error): HttpTransport => ({
  viaRelay: true,
  send: () => Promise.reject(error),
  close: () => undefined,
});

export function createEgressTransport(options: EgressTransportOptions): EgressTransport {
  const build = (egress: EgressConfig | Error): Route => ({
    key: keyOf(egress),
    transport:
      egress instanceof Error
        ? refusing(egress)
        : createHttpTransport({
            egress,
            ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
            ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
          }),
    inFlight: 0,
    retired: false,
  });
  const closeIfIdle = (route: Route): void => {
    if (route.retired && route.inFlight === 0) route.transport.close();
  };
  let current = build(options.egress);

  return {
    get viaRelay() {
      return current.transport.viaRelay;
    },
    async send(req) {
      const route = current;
      route.inFlight++;
      try {
        return await route.transport.send(req);
      } finally {
        route.inFlight--;
        closeIfIdle(route);
      }
    },
    use(egress) {
      if (keyOf(egress) === current.key) return;
      const previous = current;
      current = build(egress);
      previous.retired = true;
      closeIfIdle(previous);
    },
    close() {
      current.retired = true;
      current.transport.close();
    },
  };
}
