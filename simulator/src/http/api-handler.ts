import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody, WxError } from '../errors.js';
import { newRid } from '../ids.js';
import type { Sim } from '../sim.js';
import type { Caller, JsonObject, Reply, Route, RouteContext } from './route.js';

export const MAX_BODY = 12 * 1024 * 1024;

export function normalizeIp(address: string | undefined): string {
  if (address === undefined) return '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

export function readBody(req: IncomingMessage, limit = MAX_BODY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The caller's token from either spelling (API.md: the simulator must accept both on component endpoints). */
function presentedToken(query: URLSearchParams, route: Route): string | null {
  if (route.token === 'authorizer') return query.get('access_token');
  return query.get('access_token') ?? query.get('component_access_token');
}

function authenticate(sim: Sim, route: Route, query: URLSearchParams): Caller {
  if (route.token === 'none') return { kind: 'none' };
  const token = presentedToken(query, route);
  if (token === null || token === '') throw new WxError(route.missingTokenErrcode?.(sim.config) ?? 41001);
  const check = sim.credentials.checkToken(token);
  if (!check.ok) throw new WxError(check.code);
  if (check.kind === 'component') {
    if (route.token === 'authorizer') throw new WxError(sim.config.componentTokenOnAuthorizerApiErrcode);
    return { kind: 'component' };
  }
  if (route.token === 'component') throw new WxError(61014);
  const app = sim.accounts.apps.get(check.appid);
  if (app === undefined || app.authorization === null) throw new WxError(61003);
  if (route.funcs && !route.funcs.some((id) => app.authorization!.funcIds.includes(id))) throw new WxError(61007);
  return { kind: 'authorizer', app };
}

function parseJson(raw: Buffer): JsonObject {
  if (raw.length === 0) throw new WxError(44002);
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new WxError(47001);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WxError(47001);
  return value as JsonObject;
}

/** Serves one api.weixin.qq.com call: faults, method, whitelist, token, quota, body, handler — in that order. */
export async function handleApi(
  sim: Sim,
  routes: Map<string, Route>,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  search: string,
): Promise<void> {
  const started = performance.now();
  const ip = normalizeIp(req.socket.remoteAddress);
  const rid = newRid(sim.now());
  const raw = await readBody(req);
  const route = routes.get(path);
  const hit = sim.faults.match(path);
  const delay = sim.config.latencyMs + hit.delayMs;
  if (delay > 0) await sleep(delay);
  if (hit.fault?.kind === 'reset') {
    req.socket.destroy();
    record(sim, req, path, search, ip, rid, -2, started, raw, '<connection reset>', '');
    return;
  }
  let reply: Reply;
  let status = 200;
  let account = '';
  try {
    if (hit.fault?.kind === 'http5xx') {
      status = hit.fault.status;
      throw new WxError(-1);
    }
    if (route === undefined) {
      status = 404;
      throw new WxError(48001, `unknown api ${path}`);
    }
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (route.method === 'GET' && method !== 'GET') throw new WxError(43001);
    if (route.method === 'POST' && method !== 'POST') throw new WxError(43002);
    if (!sim.config.whitelist.includes(ip)) throw new WxError(61004, `requestIP: ${ip}`);
    const query = new URLSearchParams(search);
    const caller = authenticate(sim, route, query);
    account = caller.kind === 'authorizer' ? caller.app.appid : sim.config.platform.componentAppid;
    if (hit.fault?.kind === 'errcode') throw new WxError(hit.fault.errcode);
    if (!sim.quotas.take(account, path, sim.now())) throw new WxError(45009);
    const wantsJson =
      method === 'POST' && route.body !== 'multipart' && !(route.method === 'GET_OR_POST' && raw.length === 0);
    const ctx: RouteContext = {
      sim,
      path,
      query,
      body: wantsJson ? parseJson(raw) : {},
      raw,
      contentType: req.headers['content-type'] ?? '',
      ip,
      rid,
      caller,
    };
    reply = await route.handle(ctx);
  } catch (error) {
    if (!(error instanceof WxError)) throw error;
    reply = { json: errorBody(error.code, rid, error.detail) };
  }
  if ('json' in reply && sim.config.ridOnSuccess && reply.json['errcode'] === 0)
    reply.json['errmsg'] = `ok rid: ${rid}`;
  const errcode = 'json' in reply ? Number(reply.json['errcode'] ?? 0) : 0;
  const text = 'json' in reply ? JSON.stringify(reply.json) : null;
  // Logged even when the caller hung up meanwhile: WeChat acted on the call all the same.
  record(
    sim,
    req,
    path,
    search,
    ip,
    rid,
    errcode,
    started,
    raw,
    text ?? `<${'binary' in reply ? reply.binary.length : 0} bytes>`,
    account,
  );
  if (res.destroyed) return;
  if ('json' in reply && text !== null) {
    res.writeHead(status, {
      'Content-Type': 'application/json; encoding=utf-8',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  } else if ('binary' in reply) {
    res.writeHead(200, {
      'Content-Type': reply.contentType,
      'Content-Length': reply.binary.length,
      ...reply.headers,
    });
    res.end(reply.binary);
  }
}

function record(
  sim: Sim,
  req: IncomingMessage,
  path: string,
  search: string,
  ip: string,
  rid: string,
  errcode: number,
  started: number,
  body: Buffer,
  response: string,
  account: string,
): void {
  const call = {
    atMs: sim.clock.nowMs(),
    method: req.method ?? '',
    path,
    search,
    ip,
    errcode,
    rid,
    ms: performance.now() - started,
    body,
    response,
    account,
  };
  sim.calls.add(call, errcode !== -2);
}
