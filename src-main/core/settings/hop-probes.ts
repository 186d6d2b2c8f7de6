import type { ConnectionHop } from '../../contract/settings.js';
import type { WeChatStack } from '../wechat/wechat-stack.js';
import { WeChatError } from '../wechat/client/wechat-error.js';

export type Say = (zh: string, en: string) => string;

const PROBE_TIMEOUT_MS = 5_000;

export interface Healthz {
  status: number;
  body: Record<string, unknown> | null;
}

/** GET /healthz, with the device token when given (then the relay adds queue details for a known device). */
export async function fetchHealthz(relayUrl: string, deviceToken: string | null): Promise<Healthz> {
  const res = await fetch(`${relayUrl}/healthz`, {
    headers: deviceToken === null ? {} : { Authorization: `Bearer ${deviceToken}` },
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  });
  const text = await res.text();
  let body: Record<string, unknown> | null = null;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    body = null;
  }
  return { status: res.status, body };
}

/** A hop that failed on a WeChat error: errcode, what to do, and for 61004 the address WeChat saw. */
export function wechatFailure(id: ConnectionHop['id'], error: unknown, say: Say): ConnectionHop {
  if (!(error instanceof WeChatError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { id, ok: false, detail: message.slice(0, 300) };
  }
  const hop: ConnectionHop = {
    id,
    ok: false,
    detail: say(error.explanation.zh, error.explanation.en),
    fix: say(error.fix.zh, error.fix.en) || undefined,
  };
  if (error.errcode !== null) hop.errcode = error.errcode;
  if (error.errcode === 61004) {
    const ip = error.requestIp ?? 'unknown';
    hop.seenIp = ip;
    hop.detail = say(
      `微信看到的调用方 IP 是 ${ip}，不在第三方平台的 IP 白名单中。`,
      `WeChat saw the caller as ${ip}, which is not on the platform's IP whitelist.`,
    );
    hop.fix = say(
      `在开放平台 → 第三方平台 → 开发资料 → 白名单 IP 中加入 ${ip}（默认应为中继服务器的出口 IP，并使用“经中继”出口）。`,
      `Add ${ip} to the whitelist in Open Platform → third-party platform → development settings → whitelisted IPs (normally the relay's egress IP, with egress set to "through the relay").`,
    );
  }
  if (hop.fix === undefined) delete hop.fix;
  return hop;
}

/**
 * Reaches WeChat without a token: any errcode WeChat answers with (41001 missing token) proves the path works;
 * 61004 means it works but the egress IP is not whitelisted.
 */
export async function probeTunnel(wechat: WeChatStack, viaRelay: boolean, say: Say): Promise<ConnectionHop> {
  const ok = (): ConnectionHop => ({
    id: 'tunnel',
    ok: true,
    detail: viaRelay
      ? say('经中继隧道到达微信服务器。', 'WeChat reached through the relay tunnel.')
      : say('直接到达微信服务器（未经中继）。', 'WeChat reached directly (not through the relay).'),
  });
  try {
    await wechat.http.raw({ method: 'GET', path: '/cgi-bin/get_api_domain_ip', tokenClass: 'none' }, null);
    return ok();
  } catch (error) {
    if (error instanceof WeChatError && error.kind === 'api' && error.errcode !== 61004) return ok();
    return wechatFailure('tunnel', error, say);
  }
}
