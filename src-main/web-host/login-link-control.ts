import { createHash } from 'node:crypto';
import { chmod, unlink } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import type { Server } from 'node:net';
import { join } from 'node:path';

/**
 * How `wxfleet login-link` reaches a running browser host: a local socket inside the profile directory (0700), made
 * 0600, so only the user who owns the profile (who can read its keychain anyway) can ask for a link. On Windows, a
 * named pipe derived from the same path.
 */
export function loginLinkSocketPath(profileDir: string, platform: NodeJS.Platform = process.platform): string {
  if (platform !== 'win32') return join(profileDir, 'web-host.sock');
  const id = createHash('sha256').update(profileDir.toLowerCase(), 'utf8').digest('hex').slice(0, 24);
  return `\\\\.\\pipe\\wxfleet-web-host-${id}`;
}

const REQUEST = 'login-link\n';

export interface LoginLinkControl {
  close(): Promise<void>;
}

/** Answers each connection that asks `login-link` with one fresh link. A live host already on the path wins. */
export async function startLoginLinkControl(path: string, mintLink: () => string): Promise<LoginLinkControl> {
  if (
    await requestLoginLink(path).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`another wxfleet browser host already serves this profile (${path})`);
  if (!path.startsWith('\\\\.\\pipe\\')) await unlink(path).catch(() => undefined);
  const server: Server = createServer((socket) => {
    let received = '';
    socket.setEncoding('utf8');
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.length > REQUEST.length) return void socket.destroy();
      if (received === REQUEST) socket.end(`${mintLink()}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  if (!path.startsWith('\\\\.\\pipe\\')) await chmod(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/** Asks the host listening on `path` for a new login link. */
export function requestLoginLink(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let answer = '';
    socket.setEncoding('utf8');
    socket.setTimeout(5_000, () => socket.destroy(new Error('the browser host did not answer')));
    socket.on('connect', () => socket.write(REQUEST));
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const link = answer.trim();
      if (link.startsWith('http')) resolve(link);
      else reject(new Error('the browser host gave no link'));
    });
  });
}
