import type { Fault } from '../http/faults.js';
import type { TicketTimer } from '../push/ticket-timer.js';
import type { Sim } from '../sim.js';
import type { DraftInput } from '../state/templates.js';
import { ControlError, need, oneOf } from './control-kit.js';
import type { ControlTable } from './control-kit.js';

const FAULT_KINDS = ['latency', 'errcode', 'http5xx', 'reset'] as const;

/** Drafts, faults, quotas, time and the push machinery. */
export function platformRoutes(sim: Sim, tickets: TicketTimer): ControlTable {
  return {
    'POST /drafts': (body) => {
      need(typeof body['user_version'] === 'string' ? body : undefined, 'user_version required');
      return sim.templates.addDraft(
        {
          ...(body as unknown as DraftInput),
          user_desc: typeof body['user_desc'] === 'string' ? body['user_desc'] : '',
        },
        sim.now(),
      );
    },
    'POST /faults': (body) => {
      const fault: Fault = {
        path: typeof body['path'] === 'string' ? body['path'] : '*',
        kind: oneOf(body['kind'], FAULT_KINDS, 'kind'),
        latencyMs: Number(body['latencyMs'] ?? 0),
        jitterMs: Number(body['jitterMs'] ?? 0),
        errcode: Number(body['errcode'] ?? -1),
        status: Number(body['status'] ?? 502),
        rate: Number(body['rate'] ?? 1),
        remaining: typeof body['count'] === 'number' ? body['count'] : null,
      };
      if (fault.kind === 'errcode' && ![-1, 45009, 45011].includes(fault.errcode) && body['anyErrcode'] !== true) {
        throw new ControlError(400, 'errcode faults are -1, 45009 or 45011 (set anyErrcode: true for others)');
      }
      sim.faults.add(fault);
      return { faults: sim.faults.all() };
    },
    'DELETE /faults': (_body, query) => {
      sim.faults.clear(query.get('path') ?? undefined);
      return { faults: sim.faults.all() };
    },
    'GET /faults': () => ({ faults: sim.faults.all() }),
    'POST /quota/exhaust': (body) => {
      const path = need(typeof body['path'] === 'string' ? body['path'] : undefined, 'path required');
      const account = typeof body['appid'] === 'string' ? body['appid'] : sim.config.platform.componentAppid;
      sim.quotas.exhaust(account, path, sim.now());
      return { account, path };
    },
    'POST /clock/advance': (body) => {
      const seconds = Number(body['seconds']);
      if (!(seconds >= 0)) throw new ControlError(400, 'seconds must be a non-negative number');
      sim.clock.advance(seconds);
      return { now: sim.now() };
    },
    'POST /pushes/ticket': () => {
      tickets.pushNow();
      return { ticket: sim.credentials.latestTicket };
    },
    'POST /pushes/pause': (body) => {
      if (typeof body['tickets'] === 'boolean') tickets.pause(body['tickets']);
      if (typeof body['pushes'] === 'boolean') sim.pusher.pause(body['pushes']);
      return { ticketsPaused: tickets.paused, pushesPaused: sim.pusher.paused };
    },
    'GET /pushes': (_body, query) => {
      const limit = Number(query.get('limit') ?? 100);
      const kind = query.get('kind');
      return { pushes: sim.pusher.log.filter((p) => kind === null || p.kind === kind).slice(-limit) };
    },
    'GET /calls': (_body, query) => ({ calls: sim.calls.recent(Number(query.get('limit') ?? 100)) }),
    'GET /calls/totals': (_body, query) => ({ totals: sim.calls.totalsFor(query.get('path')) }),
  };
}
