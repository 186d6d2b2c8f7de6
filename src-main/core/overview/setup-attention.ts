import type { AttentionItem, RelayStatusView } from '../../contract/fleet.js';
import type { Store } from '../platform/store/store.js';
import type { Vault } from '../platform/vault/vault.js';

export interface SetupState {
  store: Store;
  vault: Vault;
  relay: RelayStatusView;
  relayConfigured: boolean;
  ticketStale: boolean;
}

/** Attention items about the console's own setup: configuration, relay link, ticket, a restored store. */
export function attentionOfSetup(state: SetupState): AttentionItem[] {
  const { store, vault, relay } = state;
  const en = store.settings.data.locale === 'en';
  const items: AttentionItem[] = [];
  const configured =
    store.settings.data.componentAppid !== '' &&
    vault.has('component.appsecret') &&
    vault.has('component.token') &&
    vault.has('component.encodingAesKey');
  if (!configured || !state.relayConfigured) {
    items.push({
      kind: 'not_configured',
      message: en
        ? 'Platform credentials or the relay are not configured (Settings).'
        : '第三方平台凭据或中继尚未配置（设置）。',
    });
  }
  if (state.relayConfigured && relay.state === 'disconnected') {
    items.push({ kind: 'relay_down', message: relay.detail ?? (en ? 'The relay is not connected.' : '中继未连接。') });
  }
  if (configured && state.ticketStale) {
    items.push({
      kind: 'stale_ticket',
      message: en ? 'No fresh component_verify_ticket.' : '没有有效的 component_verify_ticket。',
    });
  }
  for (const r of store.recoveries) {
    items.push({
      kind: 'store_recovered',
      message: en
        ? `The ${r.aggregate} data was unreadable and was restored from ${r.restoredFrom}.`
        : `${r.aggregate} 数据损坏，已从${r.restoredFrom === 'backup' ? '备份' : '默认值'}恢复。`,
    });
  }
  return items;
}
