import type { AttentionItem } from '../../contract/fleet.js';
import type { EmitEvent } from '../../contract/handlers.js';
import type { Language } from '../../contract/settings.js';
import type { Clock } from '../platform/clock/clock.js';
import { WeChatError } from '../wechat/client/wechat-error.js';
import type { CallWatcher } from '../wechat/client/wechat-http.js';

/** Remembers WeChat's 61004 refusals (the IP is not secret) until a call succeeds again. */
export interface IpWhitelistWatch extends CallWatcher {
  /** What to whitelist while calls are refused; null once a later call succeeded. */
  attention(): AttentionItem | null;
}

export interface IpWhitelistDeps {
  clock: Clock;
  emit: EmitEvent;
  language: () => Language;
}

interface Refusal {
  ip: string | null;
  since: number;
}

const utc = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function message(r: Refusal, lang: Language): string {
  if (lang === 'en') {
    const ip = r.ip ?? 'an IP WeChat did not name';
    return `Since ${utc(r.since)} WeChat refuses this console's calls (61004): the caller ${ip} is not on the platform's IP whitelist. Add ${ip} in Open Platform → third-party platform → development settings → whitelisted IPs, and send calls through the relay (Settings → Egress: through the relay) so they always leave from its fixed IP.`;
  }
  const ip = r.ip ?? '（微信未给出）';
  return `自 ${utc(r.since)} 起微信拒绝本控制台的调用（61004）：调用方 IP ${ip} 不在第三方平台的 IP 白名单中。请在开放平台 → 第三方平台 → 开发资料 → 白名单 IP 中加入 ${ip}，并让调用经中继发出（设置 → 出口：经中继），使出口 IP 固定为中继服务器的 IP。`;
}

export function createIpWhitelistWatch(deps: IpWhitelistDeps): IpWhitelistWatch {
  let refusal: Refusal | null = null;
  const noticed = new Set<string>();
  const item = (r: Refusal): AttentionItem => ({ kind: 'ip_whitelist', message: message(r, deps.language()) });
  return {
    succeeded() {
      refusal = null;
    },
    failed(error) {
      if (!(error instanceof WeChatError) || error.errcode !== 61004) return;
      const ip = error.requestIp;
      const current = refusal !== null && refusal.ip === ip ? refusal : { ip, since: deps.clock.now() };
      refusal = current;
      if (noticed.has(ip ?? '')) return;
      noticed.add(ip ?? '');
      deps.emit('app:notice', item(current));
    },
    attention: () => (refusal === null ? null : item(refusal)),
  };
}
