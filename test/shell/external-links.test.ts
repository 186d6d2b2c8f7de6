import { describe, expect, it } from 'vitest';
import { isExternalUrlAllowed } from '../../src-main/shell/external-links';

const RELAY = 'https://relay.agency.example';

describe('external-link policy', () => {
  it.each([
    ['https://mp.weixin.qq.com/', RELAY],
    ['https://open.weixin.qq.com/cgi-bin/index', RELAY],
    ['https://developers.weixin.qq.com/doc/oplatform/', null],
    ['https://relay.agency.example/authorize/inv-1', RELAY],
    ['https://relay.agency.example:443/authorize/inv-1?variant=mobile', RELAY],
    ['https://relay.agency.example/authorize/inv-1', 'https://relay.agency.example:8443'],
    ['http://127.0.0.1:4100/authorize/inv-1', 'http://127.0.0.1:4100'],
  ])('opens %s (relay %s)', (url, relay) => {
    expect(isExternalUrlAllowed(url, relay)).toBe(true);
  });

  it.each([
    ['http://mp.weixin.qq.com/', RELAY, 'WeChat over plain HTTP'],
    ['https://weixin.qq.com.evil.example/', RELAY, 'a look-alike host'],
    ['https://evilweixin.qq.com/', RELAY, 'a suffix that is not a subdomain'],
    ['https://qq.com/', RELAY, 'the parent domain'],
    ['https://relay.agency.example.evil.example/', RELAY, 'a look-alike relay'],
    ['http://127.0.0.1:4101/', 'http://127.0.0.1:4100', 'a loopback relay on another port'],
    ['http://192.0.2.10:4100/', 'http://192.0.2.10:4100', 'a plain-HTTP relay that is not on this machine'],
    ['http://relay.agency.example/', RELAY, 'the relay over plain HTTP'],
    ['http://relay.agency.example/', 'http://relay.agency.example', 'a public relay configured without TLS'],
    ['https://user:pw@mp.weixin.qq.com/', RELAY, 'credentials in the URL'],
    ['https://relay.agency.example/', null, 'a relay that is not configured'],
    ['file:///etc/passwd', RELAY, 'a local file'],
    ['javascript:alert(1)', RELAY, 'script'],
    ['not a url', RELAY, 'garbage'],
    ['https://example.com/', RELAY, 'anything else'],
  ])('refuses %s (relay %s): %s', (url, relay, _why) => {
    expect(isExternalUrlAllowed(url, relay)).toBe(false);
  });
});
