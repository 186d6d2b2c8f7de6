import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Registrations } from '../engine/registrations.js';
import { readBody } from '../http/api-handler.js';
import type { TicketTimer } from '../push/ticket-timer.js';
import type { Sim } from '../sim.js';
import { ControlError } from './control-kit.js';
import type { ControlTable, Json } from './control-kit.js';
import { merchantRoutes } from './merchant-routes.js';
import { platformRoutes } from './platform-routes.js';
import { reviewRoutes } from './review-routes.js';

/** The /__sim/ API: drives the simulator in place of merchants, reviewers and time (README lists every route). */
export class ControlApi {
  private readonly table: ControlTable;

  constructor(
    sim: Sim,
    private readonly key: string,
    tickets: TicketTimer,
    registrations: Registrations,
  ) {
    this.table = {
      ...merchantRoutes(sim, () => tickets.paused),
      ...reviewRoutes(sim, registrations),
      ...platformRoutes(sim, tickets),
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    let status = 200;
    let result: unknown;
    try {
      const given = Buffer.from(String(req.headers['x-sim-key'] ?? ''));
      const expected = Buffer.from(this.key);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new ControlError(401, 'missing or wrong X-Sim-Key');
      const raw = await readBody(req, 1024 * 1024);
      let body: Json = {};
      if (raw.length > 0) {
        const parsed: unknown = JSON.parse(raw.toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new ControlError(400, 'body must be a JSON object');
        body = parsed as Json;
      }
      const route = `${req.method} ${path.slice('/__sim'.length)}`;
      const handler = this.table[route];
      if (handler === undefined) throw new ControlError(404, `no control route ${route}`);
      result = handler(body, query);
    } catch (error) {
      status = error instanceof ControlError ? error.status : error instanceof SyntaxError ? 400 : 500;
      result = { error: error instanceof Error ? error.message : String(error) };
    }
    const text = JSON.stringify(result ?? { ok: true });
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  }
}
