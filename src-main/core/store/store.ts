import type { Aggregate, AggregateDeps, RecoveryReport } from './aggregate.js';
import { openAggregate } from './aggregate.js';
import type { AuthorizerExtras } from './aggregates/authorizer-extras.js';
import { authorizerExtrasAggregate } from './aggregates/authorizer-extras.js';
import type { Authorizers } from './aggregates/authorizers.js';
import { authorizersAggregate } from './aggregates/authorizers.js';
import type { Events } from './aggregates/events.js';
import { eventsAggregate } from './aggregates/events.js';
import type { Invitations } from './aggregates/invitations.js';
import { invitationsAggregate } from './aggregates/invitations.js';
import type { RelayCursor } from './aggregates/relay-cursor.js';
import { relayCursorAggregate } from './aggregates/relay-cursor.js';
import type { Release } from '../jobs/release-aggregate.js';
import { releaseAggregate } from '../jobs/release-aggregate.js';
import type { ExtJsonConfigs } from '../extjson/extjson-aggregate.js';
import { extJsonConfigsAggregate } from '../extjson/extjson-aggregate.js';
import type { TemplateLibrary } from '../templates/templates-aggregate.js';
import { templateLibraryAggregate } from '../templates/templates-aggregate.js';
import type { Settings } from './aggregates/settings.js';
import { settingsAggregate } from './aggregates/settings.js';

/** The console's persisted, non-secret state: one file per aggregate in the profile's store directory. */
export interface Store {
  readonly settings: Aggregate<Settings>;
  readonly authorizers: Aggregate<Authorizers>;
  readonly events: Aggregate<Events>;
  readonly relayCursor: Aggregate<RelayCursor>;
  readonly invitations: Aggregate<Invitations>;
  readonly authorizerExtras: Aggregate<AuthorizerExtras>;
  /** Release jobs, latest audits and withdrawal counters (core/jobs). */
  readonly release: Aggregate<Release>;
  /** Drafts, templates and the default template (core/templates). */
  readonly templates: Aggregate<TemplateLibrary>;
  /** ext_json base and per-merchant variables per template (core/extjson). */
  readonly extJson: Aggregate<ExtJsonConfigs>;
  /** Files that were corrupt at open and how they were restored (shown to the user once). */
  readonly recoveries: RecoveryReport[];
}

export async function openStore(deps: AggregateDeps): Promise<Store> {
  const opened = [
    openAggregate(settingsAggregate, deps),
    openAggregate(authorizersAggregate, deps),
    openAggregate(eventsAggregate, deps),
    openAggregate(relayCursorAggregate, deps),
    openAggregate(invitationsAggregate, deps),
    openAggregate(authorizerExtrasAggregate, deps),
    openAggregate(releaseAggregate, deps),
    openAggregate(templateLibraryAggregate, deps),
    openAggregate(extJsonConfigsAggregate, deps),
  ] as const;
  // Let every open finish (and stop writing) before reporting a failure.
  const failed = (await Promise.allSettled(opened)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const [settings, authorizers, events, relayCursor, invitations, authorizerExtras, release, templates, extJson] =
    await Promise.all(opened);
  const recoveries = [
    settings,
    authorizers,
    events,
    relayCursor,
    invitations,
    authorizerExtras,
    release,
    templates,
    extJson,
  ].flatMap((a) => (a.recovery ? [a.recovery] : []));
  return {
    settings,
    authorizers,
    events,
    relayCursor,
    invitations,
    authorizerExtras,
    release,
    templates,
    extJson,
    recoveries,
  };
}
