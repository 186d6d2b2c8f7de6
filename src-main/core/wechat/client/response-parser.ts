import type { WxBinaryResponse } from '@wxfleet/protocol';
import type { HttpResponse } from './http-transport.js';
import { WeChatError } from './wechat-error.js';

export interface ParseContext {
  endpoint: string;
  path: string;
  viaRelay: boolean;
  binary: boolean;
}

const RELAY_AUTH_FIX = {
  zh: '在“设置”中检查中继地址和设备令牌；在中继服务器上运行 `wxfleet-relay device list` 确认本设备未被吊销，必要时用 `device add` 重新生成令牌。',
  en: 'Check the relay URL and device token in Settings; on the relay run `wxfleet-relay device list` to make sure this device was not revoked, and issue a new token with `device add` if needed.',
};

function relayError(ctx: ParseContext, status: number, what: string, fix: { zh: string; en: string }): WeChatError {
  return new WeChatError({
    kind: 'relay',
    endpoint: ctx.endpoint,
    path: ctx.path,
    errcode: null,
    errmsg: what,
    httpStatus: status,
    retryClass: 'permanent',
    explanation: { zh: what, en: what },
    fix,
  });
}

export function transportError(ctx: ParseContext, code: string, status?: number): WeChatError {
  const what = `No usable answer from WeChat (${code}).`;
  return new WeChatError({
    kind: 'transport',
    endpoint: ctx.endpoint,
    path: ctx.path,
    errcode: null,
    errmsg: what,
    httpStatus: status,
    retryClass: 'transient',
    explanation: { zh: `没有收到微信的有效响应（${code}）。`, en: what },
    fix: {
      zh: '通常是网络或中继的临时问题，会自动重试；持续出现时在“设置 → 连接测试”中逐段检查。',
      en: 'Usually a passing network or relay problem and retried automatically; if it persists, run Settings → Connection test.',
    },
  });
}

function tryJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const data: unknown = JSON.parse(body.toString('utf8'));
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Turns an HTTP answer into the endpoint's value or a `WeChatError`. */
export function parseResponse(ctx: ParseContext, res: HttpResponse): Record<string, unknown> | WxBinaryResponse {
  if (ctx.viaRelay && res.status === 407) {
    throw relayError(ctx, 407, 'The relay refused this device (Proxy-Authorization rejected).', RELAY_AUTH_FIX);
  }
  if (ctx.binary && res.status === 200 && /^image\//i.test(res.contentType)) {
    return { contentType: res.contentType, data: new Uint8Array(res.body) };
  }
  const json = tryJson(res.body);
  if (ctx.viaRelay && res.status === 403 && json === undefined) {
    throw relayError(ctx, 403, 'The relay refused to open a tunnel to this host.', {
      zh: '中继只允许连接到配置的主机（默认 api.weixin.qq.com:443）；检查中继的 egress 允许列表和本机的接口地址设置。',
      en: 'The relay only tunnels to allowed hosts (default api.weixin.qq.com:443); check the relay egress allow-list and the API base URL in Settings.',
    });
  }
  if (res.status >= 500 || (res.status !== 200 && json === undefined))
    throw transportError(ctx, `HTTP_${res.status}`, res.status);
  if (json === undefined) throw transportError(ctx, 'BAD_JSON', res.status);
  const body = json;
  const errcode = typeof body.errcode === 'number' ? body.errcode : Number(body.errcode ?? 0);
  if (errcode !== 0 && Number.isFinite(errcode)) {
    throw new WeChatError({
      kind: 'api',
      endpoint: ctx.endpoint,
      path: ctx.path,
      errcode,
      errmsg: typeof body.errmsg === 'string' ? body.errmsg : '',
      httpStatus: res.status,
    });
  }
  return body;
}
