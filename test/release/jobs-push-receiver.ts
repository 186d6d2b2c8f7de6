import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WxCrypt } from '@wxfleet/protocol';
import { parseEnvelope, parsePush } from '@wxfleet/protocol';
import type { PushBus } from '../../src-main/core/events/push-bus.js';

export interface AppPushReceiver {
  /** The simulator's `push.messageUrlTemplate`. */
  urlTemplate: string;
  crypt: WxCrypt | undefined;
  /** The app's push bus, once the app exists. */
  bus: PushBus | undefined;
  received: number;
  close(): Promise<void>;
}

/**
 * Stands where the relay client stands for the message-and-event URL: verifies and decrypts the simulator's real
 * encrypted audit pushes and publishes them on the core's PushBus with the appid taken from the URL, one at a time
 * in arrival order, as the relay client's delivery queue does.
 */
export async function startAppPushReceiver(): Promise<AppPushReceiver> {
  let seq = 0;
  let delivered: Promise<void> = Promise.resolve();
  const receiver: AppPushReceiver = {
    urlTemplate: '',
    crypt: undefined,
    bus: undefined,
    received: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://x');
        const q = url.searchParams;
        const { encrypt } = parseEnvelope(Buffer.concat(chunks).toString('utf8'));
        const crypt = receiver.crypt;
        const ok = crypt?.verify(q.get('msg_signature') ?? '', q.get('timestamp') ?? '', q.get('nonce') ?? '', encrypt);
        const bus = receiver.bus;
        if (!crypt || !ok || !bus) {
          res.writeHead(401).end();
          return;
        }
        const push = parsePush(crypt.decrypt(encrypt), 'app');
        receiver.received++;
        const appid = url.pathname.split('/').at(-1) ?? null;
        const applied = { seq: ++seq, receivedAt: new Date().toISOString(), appid, push };
        const publish = delivered.then(() => bus.publish(applied));
        delivered = publish.catch(() => undefined);
        await publish;
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('success');
      })().catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.urlTemplate = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat/app/$APPID$`;
  server.unref();
  return receiver;
}
