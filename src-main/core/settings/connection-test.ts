import { coded } from '../../contract/codes.js';
import type { ConnectionHop, ConnectionReport } from '../../contract/settings.js';
import type { Clock } from '../platform/clock/clock.js';
import type { Store } from '../platform/store/store.js';
import type { WeChatStack } from '../wechat/wechat-stack.js';
import type { Vault } from '../platform/vault/vault.js';
import { fetchHealthz, probeTunnel, wechatFailure } from './hop-probes.js';

export interface ConnectionTestDeps {
  store: Store;
  vault: Vault;
  clock: Clock;
  wechat: WeChatStack;
}

const hours = (ms: number): number => Math.round(ms / 360_000) / 10;

/** Walks every hop from the settings to a component token and says what was seen and what to do. */
export async function testConnection(deps: ConnectionTestDeps): Promise<ConnectionReport> {
  const { store, vault, clock } = deps;
  const s = store.settings.data;
  const hops: ConnectionHop[] = [];
  const deviceToken = vault.get('relay.deviceToken') ?? null;

  // Settings field keys: the renderer names each in the UI language.
  const missing = [
    s.componentAppid === '' ? 'componentAppid' : null,
    vault.has('component.appsecret') ? null : 'appsecret',
    vault.has('component.token') ? null : 'token',
    vault.has('component.encodingAesKey') ? null : 'encodingAESKey',
    s.relayUrl === '' ? 'relayUrl' : null,
    deviceToken === null ? 'deviceToken' : null,
  ].filter((m): m is string => m !== null);
  hops.push(
    missing.length === 0
      ? { id: 'settings', ok: true, detail: coded('hop_settings_ok') }
      : {
          id: 'settings',
          ok: false,
          detail: coded('hop_settings_missing', { fields: missing.join(',') }),
          fix: coded('hop_settings_fix'),
        },
  );

  hops.push(...(await relayHops(s.relayUrl, deviceToken)));
  const wechat = deps.wechat;
  hops.push(await probeTunnel(wechat, s.egress === 'relay'));

  const age = wechat.tickets.ageMs();
  const fresh = wechat.tickets.current() !== undefined;
  hops.push(
    fresh && age !== null
      ? { id: 'ticket', ok: true, detail: coded('hop_ticket_age', { hours: hours(age) }) }
      : {
          id: 'ticket',
          ok: false,
          detail: age === null ? coded('hop_ticket_none') : coded('hop_ticket_stale', { hours: hours(age) }),
          fix: coded('hop_ticket_fix'),
        },
  );

  if (fresh && vault.has('component.appsecret')) {
    try {
      await wechat.component.token();
      hops.push({ id: 'component_token', ok: true, detail: coded('hop_token_ok') });
    } catch (error) {
      hops.push(wechatFailure('component_token', error));
    }
  } else {
    hops.push({ id: 'component_token', ok: false, detail: coded('hop_token_impossible') });
  }
  return { ok: hops.every((h) => h.ok), at: new Date(clock.now()).toISOString(), hops };
}

async function relayHops(relayUrl: string, deviceToken: string | null): Promise<ConnectionHop[]> {
  if (relayUrl === '') {
    const detail = coded('hop_relay_url_missing');
    return [
      { id: 'relay_reachable', ok: false, detail },
      { id: 'device_accepted', ok: false, detail },
    ];
  }
  let reachable: ConnectionHop;
  try {
    const health = await fetchHealthz(relayUrl, null);
    reachable =
      health.status === 200
        ? { id: 'relay_reachable', ok: true, detail: coded('hop_relay_up') }
        : {
            id: 'relay_reachable',
            ok: false,
            detail: coded('hop_relay_http', { status: health.status }),
            fix: coded('hop_relay_http_fix'),
          };
  } catch {
    return [
      {
        id: 'relay_reachable',
        ok: false,
        detail: coded('hop_relay_unreachable', { url: relayUrl }),
        fix: coded('hop_relay_unreachable_fix'),
      },
      { id: 'device_accepted', ok: false, detail: coded('hop_device_no_relay') },
    ];
  }
  if (deviceToken === null) {
    return [reachable, { id: 'device_accepted', ok: false, detail: coded('hop_device_token_missing') }];
  }
  const authed = await fetchHealthz(relayUrl, deviceToken).catch(() => null);
  const accepted = authed !== null && authed.body !== null && 'headSeq' in authed.body;
  return [
    reachable,
    accepted
      ? { id: 'device_accepted', ok: true, detail: coded('hop_device_accepted') }
      : {
          id: 'device_accepted',
          ok: false,
          detail: coded('hop_device_refused'),
          fix: coded('hop_device_refused_fix'),
        },
  ];
}
