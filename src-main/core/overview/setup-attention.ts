import { coded } from '../../contract/codes.js';
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
  const items: AttentionItem[] = [];
  const configured =
    store.settings.data.componentAppid !== '' &&
    vault.has('component.appsecret') &&
    vault.has('component.token') &&
    vault.has('component.encodingAesKey');
  if (!configured || !state.relayConfigured) {
    items.push({ kind: 'not_configured', message: coded('attention_not_configured') });
  }
  if (state.relayConfigured && relay.state === 'disconnected') {
    items.push({ kind: 'relay_down', message: relay.detail ?? coded('attention_relay_down') });
  }
  if (configured && state.ticketStale) {
    items.push({ kind: 'stale_ticket', message: coded('attention_stale_ticket') });
  }
  for (const r of store.recoveries) {
    items.push({
      kind: 'store_recovered',
      message: coded('attention_store_recovered', { aggregate: r.aggregate, from: r.restoredFrom }),
    });
  }
  return items;
}
