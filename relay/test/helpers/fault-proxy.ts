import { connect, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

interface Pair {
  client: Socket;
  upstream: Socket;
  blackholed: boolean;
}

/** A loopback TCP proxy that can drop, reset or silently blackhole the connections passing through it. */
export class FaultProxy {
  private readonly pairs = new Set<Pair>();
  private server: Server | undefined;
  port = 0;

  constructor(private readonly targetPort: number) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      const pair: Pair = { client, upstream, blackholed: false };
      this.pairs.add(pair);
      client.on('data', (d: Buffer) => {
        if (!pair.blackholed) upstream.write(d);
      });
      upstream.on('data', (d: Buffer) => {
        if (!pair.blackholed) client.write(d);
      });
      const end = (): void => {
        this.pairs.delete(pair);
        // A blackholed peer stays silent: neither side learns of the other's close.
        if (pair.blackholed) return;
        client.destroy();
        upstream.destroy();
      };
      client.on('close', end);
      upstream.on('close', end);
      client.on('error', () => undefined);
      upstream.on('error', () => undefined);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  live(): number {
    return [...this.pairs].filter((p) => !p.blackholed).length;
  }

  /** Both sides see an orderly close. */
  drop(): void {
    for (const p of this.pairs) {
      p.client.end();
      p.upstream.end();
    }
  }

  /** Both sides see a TCP reset. */
  reset(): void {
    for (const p of this.pairs) {
      p.client.resetAndDestroy();
      p.upstream.resetAndDestroy();
    }
  }

  /** Half-open: sockets stay up, bytes go nowhere, nobody is told. */
  blackhole(): void {
    for (const p of this.pairs) p.blackholed = true;
  }

  async close(): Promise<void> {
    for (const p of this.pairs) {
      p.client.destroy();
      p.upstream.destroy();
    }
    await new Promise((r) => this.server?.close(r));
  }
}
