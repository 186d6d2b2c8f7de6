/**
 * Which links the console may hand to the system browser: WeChat's own sites (the open platform, the mini-program
 * admin, the developer docs) over HTTPS, and the agency's relay host (its launch pages). Everything else stays closed.
 */
const WECHAT_DOMAIN = 'weixin.qq.com';

export function isExternalUrlAllowed(url: string, relayUrl: string | null): boolean {
  const target = parseUrl(url);
  if (target === null || target.username !== '' || target.password !== '') return false;
  if (target.protocol === 'https:' && isWithinDomain(target.hostname, WECHAT_DOMAIN)) return true;
  const relay = relayUrl ? parseUrl(relayUrl) : null;
  if (relay === null) return false;
  // The relay's host over HTTPS on any port (its launch pages on 443, its device port such as 8443); a relay on plain
  // HTTP is only acceptable on this machine (the demo), and then only its exact origin.
  if (target.protocol === 'https:') return target.hostname === relay.hostname;
  return relay.protocol === 'http:' && isLoopbackHost(relay.hostname) && target.origin === relay.origin;
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function isWithinDomain(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
