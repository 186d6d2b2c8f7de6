import type { Aggregate, AggregateDeps, RecoveryReport } from './aggregate.js';
import { openAggregate } from './aggregate.js';
import type { Authorizers } from './aggregates/authorizers.js';
import { authorizersAggregate } from './aggregates/authorizers.js';
import type { Events } from './aggregates/events.js';
import { eventsAggregate } from './aggregates/events.js';
import type { RelayCursor } from './aggregates/relay-cursor.js';
import { relayCursorAggregate } from './aggregates/relay-cursor.js';
import type { Settings } from './aggregates/settings.js';
import { settingsAggregate } from './aggregates/settings.js';

/** The console's persisted, non-secret state: one file per aggregate in the profile's store directory. */
export interface Store {
  readonly settings: Aggregate<Settings>;
  readonly authorizers: Aggregate<Authorizers>;
  readonly events: Aggregate<Events>;
  readonly relayCursor: Aggregate<RelayCursor>;
  /** Files that were corrupt at open and how they were restored (shown to the user once). */
  readonly recoveries: RecoveryReport[];
}

export async function openStore(deps: AggregateDeps): Promise<Store> {
  const opened = [
    openAggregate(settingsAggregate, deps),
    openAggregate(authorizersAggregate, deps),
    openAggregate(eventsAggregate, deps),
    openAggregate(relayCursorAggregate, deps),
  ] as const;
  // Let every open finish (and stop writing) before reporting a failure.
  const failed = (await Promise.allSettled(opened)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const [settings, authorizers, events, relayCursor] = await Promise.all(opened);
  const recoveries = [settings, authorizers, events, relayCursor].flatMap((a) => (a.recovery ? [a.recovery] : []));
  return { settings, authorizers, events, relayCursor, recoveries };
}
