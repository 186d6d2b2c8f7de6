import { connect } from 'node:net';
import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export interface RawResult {
  status: number | null;
  ms: number;
  /** What ended the exchange. */
  end: 'response' | 'closed' | 'timeout';
}

/** Writes raw bytes and waits for a status line or the close, whichever comes first. */
export function rawExchange(port: number, write: (socket: Socket) => void, waitMs = 10_000): Promise<RawResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const done = (result: Omit<RawResult, 'ms'>): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...result, ms: performance.now() - started });
    };
    const timer = setTimeout(() => done({ status: null, end: 'timeout' }), waitMs);
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (m !== null) done({ status: Number(m[1]), end: 'response' });
    });
    socket.on('error', () => undefined);
    socket.on('close', () => done({ status: null, end: 'closed' }));
    socket.on('connect', () => write(socket));
  });
}

export interface ConnectResult {
  status: number;
  socket: Socket | null;
}

/** Sends CONNECT target through the relay; on 200 returns the tunnelled socket. */
export function connectThrough(relayPort: number, target: string, token: string | null): Promise<ConnectResult> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: target };
    if (token !== null) headers['proxy-authorization'] = `Bearer ${token}`;
    const req = request({ host: '127.0.0.1', port: relayPort, method: 'CONNECT', path: target, headers });
    req.on('connect', (res: IncomingMessage, socket: Socket) => {
      if (res.statusCode === 200) resolve({ status: 200, socket });
      else {
        socket.destroy();
        resolve({ status: res.statusCode ?? 0, socket: null });
      }
    });
    req.on('response', (res) => resolve({ status: res.statusCode ?? 0, socket: null }));
    req.on('error', reject);
    req.end();
  });
}
