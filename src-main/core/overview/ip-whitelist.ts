import { coded } from '../../contract/codes.js';
import type { Coded } from '../../contract/codes.js';
import type { AttentionItem } from '../../contract/fleet.js';
import type { EmitEvent } from '../../contract/handlers.js';
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
}

interface Refusal {
  ip: string | null;
  since: number;
}

const utc = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const message = (r: Refusal): Coded => coded('attention_ip_whitelist', { ip: r.ip ?? '?', since: utc(r.since) }, 61004);

export function createIpWhitelistWatch(deps: IpWhitelistDeps): IpWhitelistWatch {
  let refusal: Refusal | null = null;
  const noticed = new Set<string>();
  const item = (r: Refusal): AttentionItem => ({ kind: 'ip_whitelist', message: message(r) });
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
