import { connect } from 'node:net';
import type { Socket } from 'node:net';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { bearerToken, rejectUpgrade } from '../auth.js';
import type { DeviceStore } from '../store/device-store.js';
import type { TunnelSettings } from '../settings.js';

const TARGET = /^([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\]):([0-9]{1,5})$/;

export interface Tunnel {
  open(): number;
  /** Devices with an open tunnel. */
  deviceIds(): number[];
  /** Closes every tunnel of these (revoked) devices. */
  closeDevices(ids: ReadonlySet<number>): void;
  close(): void;
}

/**
 * CONNECT egress for devices: WeChat API calls leave from the relay's whitelisted IP, TLS end to end through a
 * byte pipe the relay cannot read. Only authenticated devices, only allowlisted host:port pairs.
 */
export function attachTunnel(server: Server, devices: DeviceStore, settings: TunnelSettings, log: Logger): Tunnel {
  /** Each open tunnel and the device that opened it, so revoking the device closes it. */
  const live = new Map<Duplex, number>();
  const allow = new Set(settings.allow);

  server.on('connect', (request: IncomingMessage, client: Duplex, head: Buffer) => {
    client.on('error', () => client.destroy());
    const token = bearerToken(request.headers['proxy-authorization']);
    const device = token === null ? null : devices.authenticate(token);
    if (device === null) {
      log.warn('tunnel refused: missing, unknown or revoked device token');
      return rejectUpgrade(client, 407, 'Proxy Authentication Required', [
        'Proxy-Authenticate: Bearer realm="wxfleet-relay"',
      ]);
    }
    const target = (request.url ?? '').toLowerCase();
    const match = TARGET.exec(target);
    if (match === null || !allow.has(target)) {
      log.warn({ device: device.name, target: target.slice(0, 300) }, 'tunnel refused: target not in --egress-allow');
      return rejectUpgrade(client, 403, `target not allowed: ${target.slice(0, 100)}`);
    }
    if (live.size >= settings.maxTunnels) return rejectUpgrade(client, 503, 'too many tunnels');
    const host = match[1]!.replace(/^\[|\]$/g, '');
    const upstream: Socket = connect({ host, port: Number(match[2]), timeout: settings.connectTimeoutMs });
    live.set(client, device.id);
    const lifetime = setTimeout(() => {
      log.info({ device: device.name, target }, 'tunnel closed: maximum lifetime reached');
      finish();
    }, settings.maxLifetimeMs);
    lifetime.unref();
    const finish = (): void => {
      clearTimeout(lifetime);
      live.delete(client);
      upstream.destroy();
      client.destroy();
    };
    upstream.once('timeout', () => {
      if (upstream.connecting) rejectUpgrade(client, 504, 'upstream connect timeout');
      finish();
    });
    upstream.once('error', (error) => {
      log.warn({ device: device.name, target, err: error.message }, 'tunnel upstream error');
      if (!upstream.readyState.startsWith('open')) rejectUpgrade(client, 502, 'upstream unreachable');
      finish();
    });
    upstream.once('connect', () => {
      upstream.setTimeout(settings.idleTimeoutMs);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
      log.info({ device: device.name, target }, 'tunnel open');
    });
    upstream.once('close', finish);
    client.once('close', finish);
  });

  return {
    open: () => live.size,
    deviceIds: () => [...new Set(live.values())],
    closeDevices: (ids) => {
      for (const [socket, id] of live) {
        if (!ids.has(id)) continue;
        live.delete(socket);
        socket.destroy();
      }
    },
    close: () => {
      for (const socket of live.keys()) socket.destroy();
      live.clear();
    },
  };
}
