import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** The token of an `Authorization: Bearer …` or `Proxy-Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,200})$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/** Answers a raw upgrade or CONNECT socket with an error status and closes it. */
export function rejectUpgrade(
  socket: Duplex,
  status: number,
  reason = STATUS_CODES[status] ?? 'Error',
  extraHeaders: string[] = [],
): void {
  if (socket.writable) {
    const body = `${reason}\n`;
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? reason}`,
        'Connection: close',
        'Content-Type: text/plain',
        `Content-Length: ${Buffer.byteLength(body)}`,
        ...extraHeaders,
        '',
        body,
      ].join('\r\n'),
    );
  }
  // Give the status line a moment to leave, then make sure nothing lingers.
  setTimeout(() => socket.destroy(), 1_000).unref();
}
