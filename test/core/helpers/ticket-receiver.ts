import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WxCrypt } from '@wxfleet/protocol';
import { parseEnvelope, parsePush } from '@wxfleet/protocol';

export interface TicketReceiver {
  url: string;
  /** Set once the platform credentials are known. */
  crypt: WxCrypt | undefined;
  onTicket: (ticket: string) => void | Promise<void>;
  received: number;
  latest: string | undefined;
  close(): Promise<void>;
}

/**
 * Stands where the relay client will stand: receives the simulator's real encrypted pushes on the
 * authorization-event URL, verifies, decrypts, and hands tickets over. Answers `success` like the relay.
 */
export async function startTicketReceiver(): Promise<TicketReceiver> {
  const receiver: TicketReceiver = {
    url: '',
    crypt: undefined,
    onTicket: () => undefined,
    received: 0,
    latest: undefined,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const q = new URL(req.url ?? '/', 'http://x').searchParams;
        const { encrypt } = parseEnvelope(Buffer.concat(chunks).toString('utf8'));
        const crypt = receiver.crypt;
        if (
          !crypt ||
          !crypt.verify(q.get('msg_signature') ?? '', q.get('timestamp') ?? '', q.get('nonce') ?? '', encrypt)
        ) {
          res.writeHead(401).end();
          return;
        }
        const push = parsePush(crypt.decrypt(encrypt), 'component');
        if (push.kind === 'component_verify_ticket') {
          receiver.received++;
          receiver.latest = push.ticket;
          await receiver.onTicket(push.ticket);
        }
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('success');
      })().catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat/component`;
  server.unref();
  return receiver;
}
