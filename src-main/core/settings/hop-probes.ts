import { coded } from '../../contract/codes.js';
import type { ConnectionHop } from '../../contract/settings.js';
import type { WeChatStack } from '../wechat/wechat-stack.js';
import { WeChatError } from '../wechat/client/wechat-error.js';
import { wechatReason } from '../wechat/client/wechat-reason.js';

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

/** A hop that failed on a WeChat error: errcode (the renderer explains it and its fix), and for 61004 the IP seen. */
export function wechatFailure(id: ConnectionHop['id'], error: unknown): ConnectionHop {
  if (!(error instanceof WeChatError)) return { id, ok: false, detail: coded('internal_failure') };
  if (error.errcode === 61004) {
    const ip = error.requestIp ?? '?';
    return {
      id,
      ok: false,
      detail: coded('hop_ip_refused', { ip }, 61004),
      fix: coded('hop_ip_refused_fix', { ip }),
      seenIp: ip,
      errcode: 61004,
    };
  }
  const hop: ConnectionHop = { id, ok: false, detail: wechatReason(error) };
  // The fix of an errcode is the catalogue's; the renderer adds it.
  if (error.errcode !== null) hop.errcode = error.errcode;
  return hop;
}

/**
 * Reaches WeChat without a token: any errcode WeChat answers with (41001 missing token) proves the path works;
 * 61004 means it works but the egress IP is not whitelisted.
 */
export async function probeTunnel(wechat: WeChatStack, viaRelay: boolean): Promise<ConnectionHop> {
  const ok = (): ConnectionHop => ({
    id: 'tunnel',
    ok: true,
    detail: coded(viaRelay ? 'hop_tunnel_relay' : 'hop_tunnel_direct'),
  });
  try {
    await wechat.http.raw({ method: 'GET', path: '/cgi-bin/get_api_domain_ip', tokenClass: 'none' }, null);
    return ok();
  } catch (error) {
    if (error instanceof WeChatError && error.kind === 'api' && error.errcode !== 61004) return ok();
    return wechatFailure('tunnel', error);
  }
}
