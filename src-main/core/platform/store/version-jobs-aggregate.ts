import { defineAggregate } from '../aggregate/aggregate-def.js';
import type { Infer } from '../aggregate/schema.js';
import { s } from '../aggregate/schema.js';

export const VERSION_ACTIONS = ['gray', 'release', 'revert_gray', 'revert', 'close', 'open'] as const;
export const VERSION_ITEM_STATES = ['pending', 'running', 'done', 'failed', 'cancelled'] as const;
export const VERSION_JOB_STATUSES = ['running', 'paused', 'finished', 'cancelled'] as const;

export const versionJobItemSchema = s.object({
  appid: s.string(),
  wave: s.number(),
  state: s.literal(VERSION_ITEM_STATES, 'pending'),
  /** `message`: a JSON-encoded Coded (platform/store/stored-text). */
  error: s.nullable(s.object({ errcode: s.nullable(s.number()), message: s.string() })),
  updatedAt: s.number(),
});

export const versionJobSchema = s.object({
  id: s.string(),
  action: s.literal(VERSION_ACTIONS, 'gray'),
  appids: s.array(s.string()),
  gray: s.nullable(s.object({ percentage: s.number(), testersFirst: s.boolean(), experiencersFirst: s.boolean() })),
  appVersions: s.record(s.number()),
  waveSize: s.number(),
  status: s.literal(VERSION_JOB_STATUSES, 'running'),
  pausedAtWave: s.nullable(s.number()),
  createdAt: s.number(),
  updatedAt: s.number(),
  items: s.record(versionJobItemSchema),
});

export const versionJobsSchema = s.object({ jobs: s.record(versionJobSchema) });

export type VersionJobRecord = Infer<typeof versionJobSchema>;
export type VersionJobItemRecord = Infer<typeof versionJobItemSchema>;
export type VersionJobs = Infer<typeof versionJobsSchema>;

/** Batch gray release, full release, rollback and service on/off, as waves (core/release/versions). */
export const versionJobsAggregate = defineAggregate({
  name: 'version-jobs',
  version: 1,
  schema: versionJobsSchema,
  migrations: [],
});
