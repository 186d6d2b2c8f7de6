import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from '../src/logger.js';
import { connectThrough } from './helpers/raw-http.js';
import { DeviceClient } from './helpers/device-client.js';
import { ticketKind } from './helpers/push-kinds.js';
import { WeChatPusher } from './helpers/pusher.js';
import { startRelay } from './helpers/relay-fixture.js';

describe('logs', () => {
  it('carry no device token, Authorization header, WeChat Token or query string', async () => {
    let text = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        text += chunk.toString();
        done();
      },
    });
    const relay = await startRelay({ logger: createLogger('debug', sink) });
    try {
      const token = relay.addDevice('pc');
      const pusher = new WeChatPusher(relay.url);
      const push = pusher.sign(ticketKind.inner(1718000000), 'component');
      await pusher.deliver(push);
      await pusher.post(push.path.replace(/msg_signature=\w+/, `msg_signature=${'1'.repeat(40)}`), push.body);
      pusher.close();
      const device = new DeviceClient(relay.wsUrl, token);
      await device.connect();
      device.stop();
      await connectThrough(Number(new URL(relay.url).port), 'api.weixin.qq.com:443', token);
      await fetch(`${relay.url}/authorize/inv/done?auth_code=secretcode123&expires_in=600`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await relay.close();
    }
    expect(text).toContain('push stored');
    expect(text).toContain('device connected');
    for (const secret of ['wxr_', 'secretcode123', 'msg_signature=', 'timestamp=', 'relayTestToken1', 'Bearer']) {
      expect(text).not.toContain(secret);
    }
  });

  it('redacts query strings of WeChat URLs', () => {
    expect(redactUrl('/cgi-bin/component/api_query_auth?component_access_token=abc')).toBe(
      '/cgi-bin/component/api_query_auth?[redacted]',
    );
    expect(redactUrl('/healthz')).toBe('/healthz');
  });
});
