import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { completeAuthorization, revokeAuthorization } from '../engine/authorization.js';
import type { AuditDecision } from '../engine/audit-engine.js';
import { readBody } from '../http/api-handler.js';
import type { Fault } from '../http/faults.js';
import type { TicketTimer } from '../push/ticket-timer.js';
import type { Registrations } from '../routes/fast-register.js';
import type { Sim } from '../sim.js';
import type { MerchantSeed } from '../state/accounts.js';
import type { DraftInput } from '../state/templates.js';
import { snapshot } from './snapshot.js';

type Json = Record<string, unknown>;

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function need<T>(value: T | undefined | null, message: string): T {
  if (value === undefined || value === null) throw new ControlError(400, message);
  return value;
}

function appOf(sim: Sim, body: Json) {
  const appid = body['appid'];
  return need(typeof appid === 'string' ? sim.accounts.apps.get(appid) : undefined, 'unknown or missing appid');
}

const OUTCOMES = ['success', 'fail', 'delay'];
const FAULT_KINDS = ['latency', 'errcode', 'http5xx', 'reset'];

/** The /__sim/ API: drives the simulator in place of merchants, reviewers and time (README lists every route). */
export class ControlApi {
  constructor(
    private readonly sim: Sim,
    private readonly key: string,
    private readonly tickets: TicketTimer,
    private readonly registrations: Registrations,
  ) {}

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
      result = this.dispatch(`${req.method} ${path.slice('/__sim'.length)}`, body, query);
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

  private dispatch(route: string, body: Json, query: URLSearchParams): unknown {
    const { sim } = this;
    switch (route) {
      case 'GET /state':
        return snapshot(sim, { ticketsPaused: this.tickets.paused });
      case 'POST /merchants': {
        const seeds = need(
          Array.isArray(body['merchants']) ? (body['merchants'] as MerchantSeed[]) : undefined,
          'merchants must be an array',
        );
        for (const seed of seeds) {
          const valid =
            typeof seed?.name === 'string' &&
            Array.isArray(seed.apps) &&
            seed.apps.every((app) => typeof app?.nickName === 'string');
          if (!valid) throw new ControlError(400, 'each merchant needs a name and apps: [{ nickName }]');
          if (
            seed.apps.some(
              (app) =>
                app.appid !== undefined && (!/^wx[0-9a-f]{16}$/.test(app.appid) || sim.accounts.apps.has(app.appid)),
            )
          ) {
            throw new ControlError(409, 'appid malformed or already taken');
          }
        }
        return { merchants: seeds.map((seed) => sim.accounts.addMerchant(seed)) };
      }
      case 'POST /merchant/authorize':
      case 'POST /merchant/update': {
        const app = appOf(sim, body);
        const funcIds = Array.isArray(body['funcIds']) ? (body['funcIds'] as number[]) : [17, 18, 19, 30];
        const preAuthCode =
          typeof body['preAuthCode'] === 'string' ? body['preAuthCode'] : sim.credentials.createPreAuthCode().code;
        const state = sim.credentials.preAuthCodeState(preAuthCode);
        if (state !== 'ok') throw new ControlError(409, `pre_auth_code is ${state}`);
        return completeAuthorization(sim, app, funcIds, preAuthCode);
      }
      case 'POST /merchant/revoke':
        return { revoked: revokeAuthorization(sim, appOf(sim, body)) };
      case 'POST /drafts':
        need(typeof body['user_version'] === 'string' ? body : undefined, 'user_version required');
        return sim.templates.addDraft(
          {
            ...(body as unknown as DraftInput),
            user_desc: typeof body['user_desc'] === 'string' ? body['user_desc'] : '',
          },
          sim.now(),
        );
      case 'POST /audit/decide': {
        const outcome = body['outcome'];
        if (typeof outcome !== 'string' || !OUTCOMES.includes(outcome))
          throw new ControlError(400, 'outcome must be success, fail or delay');
        const decision: AuditDecision = { outcome: outcome as AuditDecision['outcome'] };
        if (typeof body['reason'] === 'string') decision.reason = body['reason'];
        if (typeof body['screenshots'] === 'number') decision.screenshots = body['screenshots'];
        if (typeof body['appid'] === 'string') {
          const app = appOf(sim, body);
          const pending = app.code.audits.at(-1);
          if (body['now'] === true) {
            if (pending === undefined || (pending.status !== 2 && pending.status !== 4))
              throw new ControlError(409, 'no audit pending');
            sim.audits.resolve(app, pending, decision);
            return { resolved: pending.auditid, status: pending.status };
          }
          sim.audits.decide(decision, { appid: app.appid });
          return { queued: 1 };
        }
        const count = typeof body['count'] === 'number' ? body['count'] : 1;
        sim.audits.decide(decision, { count });
        return { queued: count };
      }
      case 'POST /faults': {
        const kind =
          typeof body['kind'] === 'string' && FAULT_KINDS.includes(body['kind'])
            ? (body['kind'] as Fault['kind'])
            : undefined;
        const fault: Fault = {
          path: typeof body['path'] === 'string' ? body['path'] : '*',
          kind: need(kind, 'kind must be latency, errcode, http5xx or reset'),
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
      }
      case 'DELETE /faults':
        sim.faults.clear(query.get('path') ?? undefined);
        return { faults: sim.faults.all() };
      case 'GET /faults':
        return { faults: sim.faults.all() };
      case 'POST /quota/exhaust': {
        const path = need(typeof body['path'] === 'string' ? body['path'] : undefined, 'path required');
        const account = typeof body['appid'] === 'string' ? body['appid'] : sim.config.platform.componentAppid;
        sim.quotas.exhaust(account, path, sim.now());
        return { account, path };
      }
      case 'POST /clock/advance': {
        const seconds = Number(body['seconds']);
        if (!(seconds >= 0)) throw new ControlError(400, 'seconds must be a non-negative number');
        sim.clock.advance(seconds);
        return { now: sim.now() };
      }
      case 'POST /pushes/ticket':
        this.tickets.pushNow();
        return { ticket: sim.credentials.latestTicket };
      case 'POST /pushes/pause':
        if (typeof body['tickets'] === 'boolean') this.tickets.pause(body['tickets']);
        if (typeof body['pushes'] === 'boolean') sim.pusher.pause(body['pushes']);
        return { ticketsPaused: this.tickets.paused, pushesPaused: sim.pusher.paused };
      case 'GET /pushes': {
        const limit = Number(query.get('limit') ?? 100);
        const kind = query.get('kind');
        return { pushes: sim.pusher.log.filter((p) => kind === null || p.kind === kind).slice(-limit) };
      }
      case 'GET /calls':
        return { calls: sim.calls.recent(Number(query.get('limit') ?? 100)) };
      case 'POST /fastregister/decide': {
        const statusValue = need(
          typeof body['status'] === 'number' ? body['status'] : undefined,
          'status must be a number',
        );
        this.registrations.nextStatuses.push(statusValue);
        return { queued: this.registrations.nextStatuses.length };
      }
      default:
        throw new ControlError(404, `no control route ${route}`);
    }
  }
}
