import type { ConnectionHop, ConnectionReport } from '../../contract/settings.js';
import type { Clock } from '../platform/clock/clock.js';
import type { Store } from '../platform/store/store.js';
import type { WeChatStack } from '../wechat/wechat-stack.js';
import type { Vault } from '../platform/vault/vault.js';
import type { Say } from './hop-probes.js';
import { fetchHealthz, probeTunnel, wechatFailure } from './hop-probes.js';

export interface ConnectionTestDeps {
  store: Store;
  vault: Vault;
  clock: Clock;
  wechat: WeChatStack;
}

const hours = (ms: number): string => (ms / 3600_000).toFixed(1);

/** Walks every hop from the settings to a component token and says what was seen and what to do. */
export async function testConnection(deps: ConnectionTestDeps): Promise<ConnectionReport> {
  const { store, vault, clock } = deps;
  const s = store.settings.data;
  const say: Say = (zh, en) => (s.locale === 'en' ? en : zh);
  const hops: ConnectionHop[] = [];
  const deviceToken = vault.get('relay.deviceToken') ?? null;

  const missing = [
    s.componentAppid === '' ? 'component appid' : null,
    vault.has('component.appsecret') ? null : 'appsecret',
    vault.has('component.token') ? null : 'Token',
    vault.has('component.encodingAesKey') ? null : 'EncodingAESKey',
    s.relayUrl === '' ? 'relay URL' : null,
    deviceToken === null ? 'device token' : null,
  ].filter((m): m is string => m !== null);
  hops.push(
    missing.length === 0
      ? { id: 'settings', ok: true, detail: say('设置完整。', 'Settings are complete.') }
      : {
          id: 'settings',
          ok: false,
          detail: say(`缺少：${missing.join('、')}`, `Missing: ${missing.join(', ')}`),
          fix: say('在“设置”中填写缺少的项目。', 'Fill in the missing items in Settings.'),
        },
  );

  hops.push(...(await relayHops(s.relayUrl, deviceToken, say)));
  const wechat = deps.wechat;
  hops.push(await probeTunnel(wechat, s.egress === 'relay', say));

  const age = wechat.tickets.ageMs();
  const fresh = wechat.tickets.current() !== undefined;
  hops.push(
    fresh && age !== null
      ? {
          id: 'ticket',
          ok: true,
          detail: say(`最新 ticket 已收到 ${hours(age)} 小时。`, `Latest ticket is ${hours(age)} h old.`),
        }
      : {
          id: 'ticket',
          ok: false,
          detail:
            age === null
              ? say('尚未收到 component_verify_ticket。', 'No component_verify_ticket received yet.')
              : say(`最新 ticket 已过期（${hours(age)} 小时）。`, `The latest ticket is stale (${hours(age)} h).`),
          fix: say(
            '确认开放平台的“授权事件接收URL”指向中继的 /wechat/component，且中继与本机已连接；微信每 10 分钟推送一次。',
            "Check that the platform's authorization event URL points at the relay's /wechat/component and that this console is connected to the relay; WeChat pushes a ticket every 10 minutes.",
          ),
        },
  );

  if (fresh && vault.has('component.appsecret')) {
    try {
      await wechat.component.token();
      hops.push({
        id: 'component_token',
        ok: true,
        detail: say('已取得 component_access_token。', 'A component access token was obtained.'),
      });
    } catch (error) {
      hops.push(wechatFailure('component_token', error, say));
    }
  } else {
    hops.push({
      id: 'component_token',
      ok: false,
      detail: say(
        '没有有效 ticket 或 appsecret，无法获取令牌。',
        'Without a fresh ticket and the appsecret no token can be obtained.',
      ),
    });
  }
  return { ok: hops.every((h) => h.ok), at: new Date(clock.now()).toISOString(), hops };
}

async function relayHops(relayUrl: string, deviceToken: string | null, say: Say): Promise<ConnectionHop[]> {
  if (relayUrl === '') {
    const detail = say('未设置中继地址。', 'No relay URL is set.');
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
        ? { id: 'relay_reachable', ok: true, detail: say('中继在线。', 'The relay is up.') }
        : {
            id: 'relay_reachable',
            ok: false,
            detail: `HTTP ${health.status}`,
            fix: say('检查中继服务器的日志与存储。', "Check the relay's logs and storage."),
          };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [
      {
        id: 'relay_reachable',
        ok: false,
        detail,
        fix: say('检查中继地址与网络。', 'Check the relay URL and the network.'),
      },
      { id: 'device_accepted', ok: false, detail: say('中继不可达。', 'The relay cannot be reached.') },
    ];
  }
  if (deviceToken === null) {
    return [
      reachable,
      { id: 'device_accepted', ok: false, detail: say('未设置设备令牌。', 'No device token is set.') },
    ];
  }
  const authed = await fetchHealthz(relayUrl, deviceToken).catch(() => null);
  const accepted = authed !== null && authed.body !== null && 'headSeq' in authed.body;
  return [
    reachable,
    accepted
      ? { id: 'device_accepted', ok: true, detail: say('中继接受了本设备。', 'The relay accepted this device.') }
      : {
          id: 'device_accepted',
          ok: false,
          detail: say(
            '中继不认识此设备令牌（未知或已吊销）。',
            'The relay does not know this device token (unknown or revoked).',
          ),
          fix: say(
            '在中继上运行 wxfleet-relay device add NAME 生成新令牌并填入设置。',
            'Run "wxfleet-relay device add NAME" on the relay and paste the new token into Settings.',
          ),
        },
  ];
}
