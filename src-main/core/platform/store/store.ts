import type { Aggregate, AggregateDeps, RecoveryReport } from '../aggregate/aggregate.js';
import { openAggregate } from '../aggregate/aggregate.js';
import type { AuthorizerExtras } from './authorizer-extras-aggregate.js';
import { authorizerExtrasAggregate } from './authorizer-extras-aggregate.js';
import type { Authorizers } from './authorizers-aggregate.js';
import { authorizersAggregate } from './authorizers-aggregate.js';
import type { Events } from './events-aggregate.js';
import { eventsAggregate } from './events-aggregate.js';
import type { Invitations } from './invitations-aggregate.js';
import { invitationsAggregate } from './invitations-aggregate.js';
import type { RelayCursor } from './relay-cursor-aggregate.js';
import { relayCursorAggregate } from './relay-cursor-aggregate.js';
import type { Release } from './release-aggregate.js';
import { releaseAggregate } from './release-aggregate.js';
import type { ExtJsonConfigs } from './extjson-aggregate.js';
import { extJsonConfigsAggregate } from './extjson-aggregate.js';
import type { TemplateLibrary } from './templates-aggregate.js';
import { templateLibraryAggregate } from './templates-aggregate.js';
import type { Readiness } from './readiness-aggregate.js';
import { readinessAggregate } from './readiness-aggregate.js';
import type { Settings } from './settings-aggregate.js';
import { settingsAggregate } from './settings-aggregate.js';
import type { VersionJobs } from './version-jobs-aggregate.js';
import { versionJobsAggregate } from './version-jobs-aggregate.js';

/** The console's persisted, non-secret state: one file per aggregate in the profile's store directory. */
export interface Store {
  readonly settings: Aggregate<Settings>;
  readonly authorizers: Aggregate<Authorizers>;
  readonly events: Aggregate<Events>;
  readonly relayCursor: Aggregate<RelayCursor>;
  readonly invitations: Aggregate<Invitations>;
  readonly authorizerExtras: Aggregate<AuthorizerExtras>;
  /** Release jobs, latest audits and withdrawal counters (core/release/jobs). */
  readonly release: Aggregate<Release>;
  /** Drafts, templates and the default template (core/release/templates). */
  readonly templates: Aggregate<TemplateLibrary>;
  /** ext_json base and per-merchant variables per template (core/release/extjson). */
  readonly extJson: Aggregate<ExtJsonConfigs>;
  /** Readiness records, the guide template and domain profile (core/readiness). */
  readonly readiness: Aggregate<Readiness>;
  /** Batch version actions in waves (core/release/versions). */
  readonly versionJobs: Aggregate<VersionJobs>;
  /** Files that were corrupt at open and how they were restored (shown to the user once). */
  readonly recoveries: RecoveryReport[];
  /** Resolves once every change made to any aggregate so far is durable (grouped writes included). */
  flush(): Promise<void>;
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
    openAggregate(readinessAggregate, deps),
    openAggregate(versionJobsAggregate, deps),
  ] as const;
  // Let every open finish (and stop writing) before reporting a failure.
  const failed = (await Promise.allSettled(opened)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const [
    settings,
    authorizers,
    events,
    relayCursor,
    invitations,
    authorizerExtras,
    release,
    templates,
    extJson,
    readiness,
    versionJobs,
  ] = await Promise.all(opened);
  const all = [
    settings,
    authorizers,
    events,
    relayCursor,
    invitations,
    authorizerExtras,
    release,
    templates,
    extJson,
    readiness,
    versionJobs,
  ];
  const recoveries = all.flatMap((a) => (a.recovery ? [a.recovery] : []));
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
    readiness,
    versionJobs,
    recoveries,
    async flush() {
      await Promise.all(all.map((a) => a.flush()));
    },
  };
}
