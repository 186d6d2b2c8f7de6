import type { EmitEvent } from '../../contract/handlers.js';
import type { Ledger } from '../release/ledger/ledger.js';

export interface FleetChanges {
  /** The ledger every release service writes through: each recorded entry marks its mini-program changed. */
  ledger: Ledger;
  /** Drops a change not yet told (shutdown). */
  stop(): void;
}

/**
 * Every WeChat-mutating action is written to the version ledger (commit, audit results, release, rollback, phased
 * release, service status, a sync's reconciliation), and the fleet list shows what the ledger says. So one
 * `authorizers:changed` per burst of ledger entries keeps the list current without a reload. A burst is what
 * was recorded before the event loop turned (a 1,000-item job records many entries at once).
 */
export function fleetChanges(ledger: Ledger, emit: EmitEvent): FleetChanges {
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const tell = (): void => {
    timer = null;
    const appids = [...changed];
    changed.clear();
    emit('authorizers:changed', { appids });
  };
  return {
    ledger: {
      ...ledger,
      async record(entry) {
        const view = await ledger.record(entry);
        changed.add(entry.appid);
        timer ??= setTimeout(tell, 0);
        return view;
      },
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      changed.clear();
    },
  };
}
