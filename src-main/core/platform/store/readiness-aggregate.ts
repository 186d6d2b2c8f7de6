import { defineAggregate } from '../aggregate/aggregate-def.js';
import type { Infer } from '../aggregate/schema.js';
import { s } from '../aggregate/schema.js';

const READINESS_KEYS = [
  'permission',
  'basic_info',
  'category',
  'privacy_guide',
  'privacy_interfaces',
  'domains',
  'icp',
  'testers',
] as const;
const STATES = ['ready', 'missing', 'pending', 'blocked', 'unknown'] as const;

const itemSchema = s.object({
  key: s.literal(READINESS_KEYS, 'permission'),
  state: s.literal(STATES, 'unknown'),
  reason: s.nullable(s.string()),
  params: s.record(s.string()),
  fix: s.nullable(s.string()),
  blocksAudit: s.boolean(),
  blocksRelease: s.boolean(),
});

/** The last readiness read of one mini-program. */
export const readinessRecordSchema = s.object({
  checkedAt: s.number(),
  items: s.array(itemSchema),
});

const ownerSchema = s.object({
  contactPhone: s.string(),
  contactEmail: s.string(),
  contactWeixin: s.string(),
  noticeMethod: s.string(),
  storePeriod: s.string(),
  storeRegion: s.number(),
});

const domainProfileSchema = s.object({
  requestdomain: s.array(s.string()),
  wsrequestdomain: s.array(s.string()),
  uploaddomain: s.array(s.string()),
  downloaddomain: s.array(s.string()),
  webviewdomain: s.array(s.string()),
});

/** Per-merchant owner values are partial: a missing field takes the template's. */
const ownerOverrideSchema = s.record(s.string());

export const readinessSchema = s.object({
  profile: s.object({
    guide: s.object({
      purposes: s.array(s.object({ privacyKey: s.string(), text: s.string() })),
      owner: ownerSchema,
    }),
    merchantOwners: s.record(ownerOverrideSchema),
    domains: domainProfileSchema,
    interfaceReasons: s.record(s.string()),
  }),
  byAppid: s.record(readinessRecordSchema),
  /** Fast-registration tasks by task id. */
  registrations: s.record(
    s.object({
      kind: s.literal(['enterprise', 'personal'] as const, 'enterprise'),
      label: s.string(),
      status: s.number(),
      authorizeUrl: s.string(),
      createdAt: s.number(),
    }),
  ),
  /** Mini-programs a deploy job left out, and why, by job id. */
  heldOut: s.record(s.array(s.object({ appid: s.string(), keys: s.array(s.string()) }))),
});

export type Readiness = Infer<typeof readinessSchema>;
export type ReadinessRecord = Infer<typeof readinessRecordSchema>;

export const readinessAggregate = defineAggregate({
  name: 'readiness',
  version: 1,
  schema: readinessSchema,
  migrations: [],
});
