import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { dispatch } from '../contract/dispatch';
import type { HandlerTable } from '../contract/dispatch';
import type { EmitEvent } from '../contract/handlers';
import { isInvokeChannel } from '../contract/ipc';
import type { Result } from '../contract/result';
import { serveStatic } from './static-files';
import { WebSession } from './session';
import type { WebSessionOptions } from './session';

export interface WebHostOptions {
  handlers: HandlerTable;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  port?: number;
  /** Login-link and session lifetimes (defaults: 5 minutes, 12 hours). */
  session?: WebSessionOptions;
}

export interface RunningWebHost {
  /** Origin, e.g. http://127.0.0.1:5123 */
  origin: string;
  /** A one-time link, valid for minutes, that sets the session cookie and opens the console. */
  loginUrl(): string;
  emit: EmitEvent;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self' ws://127.0.0.1:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

/** The core over loopback: HTTP for invoke, one WebSocket for events, both behind the session cookie. */
export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const session = new WebSession(options.session);
  /** Each events socket and when the session that opened it ends: no event reaches a browser after that. */
  const sockets = new Map<WebSocket, number>();
  let origin = '';

  // Host and Origin must be ours: defeats DNS rebinding and cross-site requests carrying the cookie.
  const isOurs = (req: IncomingMessage, requireOrigin: boolean): boolean => {
    if (req.headers.host !== origin.slice('http://'.length)) return false;
    const from = req.headers.origin;
    return from === undefined ? !requireOrigin : from === origin;
  };

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (!isOurs(req, false)) return void res.writeHead(421).end();
    if (url.pathname === '/login') {
      const cookie = session.login(url.searchParams.get('code'));
      // A spent or expired link: the console page itself says how to get a new one (or opens, if still logged in).
      if (cookie === null)
        return void res.writeHead(303, { Location: session.isAuthenticated(req) ? '/' : '/?login=invalid' }).end();
      res.writeHead(303, { 'Set-Cookie': cookie, Location: '/' });
      return void res.end();
    }
    if (url.pathname === '/api/session') {
      const authenticated = session.isAuthenticated(req);
      res.writeHead(authenticated ? 200 : 401, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return void res.end(JSON.stringify({ authenticated }));
    }
    if (url.pathname === '/api/invoke') return invoke(req, res);
    if (req.method !== 'GET') return void res.writeHead(405).end();
    await serveStatic(options.rendererDir, url.pathname, res);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = (status: number, body: Result<unknown>): void => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || !isOurs(req, true))
      return reply(403, { ok: false, error: { code: 'untrusted_sender' } });
    // 401: the page is ours but not logged in (or the session ran out); the renderer shows how to get a link.
    if (!session.isAuthenticated(req)) return reply(401, { ok: false, error: { code: 'untrusted_sender' } });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return reply(415, { ok: false, error: { code: 'invalid_argument' } });
    const body = await readBody(req);
    const parsed = parseCall(body);
    if (parsed === null) return reply(400, { ok: false, error: { code: 'invalid_argument' } });
    reply(200, await dispatch(options.handlers, parsed.channel, parsed.args));
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', origin).pathname !== '/api/events' || !isOurs(req, true)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const sessionEnd = session.sessionEnd(req);
    if (sessionEnd === null) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.set(ws, sessionEnd);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', () => ws.close(1008, 'events only'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const emit: EmitEvent = (channel, payload) => {
    const frame = JSON.stringify({ channel, payload });
    for (const [ws, sessionEnd] of sockets) {
      if (session.ended(sessionEnd)) ws.close(1008, 'session ended');
      else if (ws.readyState === ws.OPEN) ws.send(frame);
    }
  };

  return {
    origin,
    loginUrl: () => `${origin}/login?code=${session.mintLoginCode()}`,
    emit,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets.keys()) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseCall(body: string): { channel: Parameters<typeof dispatch>[1]; args: unknown[] } | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { channel, args } = value as { channel?: unknown; args?: unknown };
  if (!isInvokeChannel(channel) || !Array.isArray(args)) return null;
  return { channel, args };
}
