/**
 * The arguments of every invoke channel as zod schemas: the contract's argument types are derived from them
 * (`z.infer`), and `validators.ts` checks every call against them before any side effect.
 */
import { z } from 'zod';
import { READINESS_ARGS } from './readiness-schemas';

const MAX_TEXT = 4096;
const MAX_APPIDS = 10_000;
/** Keys that would reach an object's prototype machinery; refused wherever a record takes free keys. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

const text = (max = MAX_TEXT) => z.string().max(max);
const nonEmpty = (max = MAX_TEXT) => z.string().min(1).max(max);
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const safeKey = z.string().refine((key) => !FORBIDDEN_KEYS.includes(key), 'forbidden key');

export const appidSchema = z.string().regex(/^wx[0-9a-zA-Z]{6,32}$/);
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const templateIdSchema = int(0, Number.MAX_SAFE_INTEGER);
const aesKey = z.string().regex(/^[A-Za-z0-9]{43}$/);

export const platformInputSchema = z.strictObject({
  componentAppid: z
    .string()
    .regex(/^wx[0-9a-f]{16}$/)
    .optional(),
  appsecret: nonEmpty(128).optional(),
  token: z
    .string()
    .regex(/^[A-Za-z0-9]{3,32}$/)
    .optional(),
  encodingAESKey: aesKey.optional(),
  /** `null` clears the previous EncodingAESKey. */
  previousEncodingAESKey: aesKey.nullable().optional(),
});

export const relayInputSchema = z.strictObject({
  url: z
    .string()
    .regex(/^(https?|wss?):\/\/\S{1,2000}$/)
    .optional(),
  deviceToken: nonEmpty(256).optional(),
});

export const preferencesInputSchema = z.strictObject({
  egress: z.enum(['relay', 'direct']).optional(),
  language: z.enum(['zh-CN', 'en']).optional(),
  theme: z.enum(['light', 'dark']).optional(),
});

export const authorizerFilterSchema = z.strictObject({
  search: text(200).optional(),
  status: z.enum(['authorized', 'needs_reauth', 'revoked']).optional(),
  templateId: templateIdSchema.optional(),
  tag: text(64).optional(),
  drift: z.boolean().optional(),
  /** Only mini-programs held back by this readiness item (or by any, `any`). */
  notReady: z
    .enum([
      'any',
      'permission',
      'basic_info',
      'category',
      'privacy_guide',
      'privacy_interfaces',
      'domains',
      'icp',
      'testers',
    ])
    .optional(),
});

const ids = z.array(int(0, Number.MAX_SAFE_INTEGER)).max(16);

/** submit_audit's UGC declaration (05 E5). */
export const ugcDeclareSchema = z.strictObject({
  scene: ids,
  otherSceneDesc: text(1024).optional(),
  method: ids.optional(),
  hasAuditTeam: z.union([z.literal(0), z.literal(1)]).optional(),
  auditDesc: text(1024).optional(),
});

/**
 * What a submission of a template says besides the code (05 E5): the audit item (category from the mini-program's
 * own get_category, page from get_page, title, tags) and the declarations. A mini-program's own profile overrides the
 * template's field by field.
 */
export const submitProfileSchema = z.strictObject({
  /** Category ids to submit under; one of the mini-program's own (get_category). Absent: its first one. */
  category: z
    .strictObject({
      firstId: int(0, Number.MAX_SAFE_INTEGER),
      secondId: int(0, Number.MAX_SAFE_INTEGER),
      thirdId: int(0, Number.MAX_SAFE_INTEGER).optional(),
    })
    .optional(),
  /** Page path; one of the committed code's pages (get_page). Absent: its first page. */
  page: text(512).optional(),
  title: text(200).optional(),
  tags: z.array(text(200)).max(50).optional(),
  ugcDeclare: ugcDeclareSchema.optional(),
  privacyApiNotUse: z.boolean().optional(),
  previewInfo: z
    .strictObject({
      picIdList: z.array(nonEmpty(256)).max(50).optional(),
      videoIdList: z.array(nonEmpty(256)).max(50).optional(),
    })
    .optional(),
  versionDesc: text(1024).optional(),
});

export const extJsonConfigSchema = z.strictObject({
  templateId: templateIdSchema,
  /** A JSON text with `{{appid}}` and `{{variable}}` placeholders. */
  base: text(64 * 1024),
  /** Per-appid variables, an override JSON merged on top of the rendered base, and the appid's own submit profile. */
  merchants: z
    .record(
      appidSchema,
      z.strictObject({
        variables: z.record(safeKey, text()).refine((v) => Object.keys(v).length <= 200, 'too many variables'),
        override: text(64 * 1024).optional(),
        submit: submitProfileSchema.optional(),
      }),
    )
    .refine((m) => Object.keys(m).length <= MAX_APPIDS, 'too many mini-programs'),
  /** The template's pages as its code has them: ext_json `pages` and `tabBar` may only use these. */
  pages: z.array(nonEmpty(512)).max(500).optional(),
  /** The template's submit profile. */
  submit: submitProfileSchema.optional(),
});

export const deployJobSpecSchema = z.strictObject({
  templateId: templateIdSchema,
  appids: z.array(appidSchema).min(1).max(MAX_APPIDS),
  userVersion: nonEmpty(64),
  userDesc: text(512),
  /** Mini-programs in the first wave; the rest start after all of them pass. 0 for no canary. */
  canary: int(0, MAX_APPIDS),
  autoRelease: z.boolean(),
  concurrency: int(1, 64).optional(),
  /** Pause when this share (0–1) of finished items failed. */
  stopTheLine: z.number().min(0).max(1).optional(),
  /** The user agreed to spend this many audits of the monthly quota. */
  auditBudget: int(0, 100_000).optional(),
  /**
   * Check readiness first and leave out the mini-programs that would fail audit (or release, with `autoRelease`);
   * the job lists them under `heldOut`. The console's deploy dialog always sets it.
   */
  preflight: z.boolean().optional(),
  /** Deploy also where this template and version already run (otherwise those items are skipped). */
  force: z.boolean().optional(),
});

export const retryOptionsSchema = z.strictObject({
  /** Sent as feedback_info (≤ 200 characters, checked by the job) with the re-submission of rejected items. */
  feedbackInfo: text(1000).optional(),
});

export const eventsQuerySchema = z.strictObject({ search: text(200).optional(), limit: int(1, 5000).optional() });
export const invitationInputSchema = z.strictObject({ note: text(200) });

export const grayOptionsSchema = z.strictObject({
  percentage: int(0, 100),
  testersFirst: z.boolean().optional(),
  experiencersFirst: z.boolean().optional(),
});

export const versionJobSpecSchema = z.strictObject({
  action: z.enum(['gray', 'release', 'revert_gray', 'revert', 'close', 'open']),
  appids: z.array(appidSchema).min(1).max(MAX_APPIDS),
  gray: grayOptionsSchema.optional(),
  appVersions: z
    .record(appidSchema, int(1, Number.MAX_SAFE_INTEGER))
    .refine((m) => Object.keys(m).length <= MAX_APPIDS, 'too many mini-programs')
    .optional(),
  waveSize: int(0, MAX_APPIDS).optional(),
});

export const logFilterSchema = z.strictObject({
  appid: appidSchema.optional(),
  search: text(200).optional(),
  failedOnly: z.boolean().optional(),
  limit: int(1, 5000).optional(),
});

/** Every channel's argument list, in order; extra arguments are refused. */
export const ARGS = {
  'app:info': z.tuple([]),
  'settings:get': z.tuple([]),
  'settings:savePlatform': z.tuple([platformInputSchema]),
  'settings:saveRelay': z.tuple([relayInputSchema]),
  'settings:savePreferences': z.tuple([preferencesInputSchema]),
  'settings:testConnection': z.tuple([]),
  'overview:get': z.tuple([]),
  'events:list': z.tuple([eventsQuerySchema]),
  'authorizers:list': z.tuple([authorizerFilterSchema]),
  'authorizers:get': z.tuple([appidSchema]),
  'authorizers:sync': z.tuple([appidSchema.nullable()]),
  'authorizers:setTags': z.tuple([appidSchema, z.array(nonEmpty(32)).max(50)]),
  'authorizers:experienceQr': z.tuple([appidSchema]),
  'invitations:list': z.tuple([]),
  'invitations:create': z.tuple([invitationInputSchema]),
  'invitations:revoke': z.tuple([idSchema]),
  'templates:get': z.tuple([]),
  'templates:sync': z.tuple([]),
  'templates:addDraft': z.tuple([templateIdSchema]),
  'templates:delete': z.tuple([templateIdSchema]),
  'templates:setDefault': z.tuple([templateIdSchema]),
  'extjson:get': z.tuple([templateIdSchema]),
  'extjson:save': z.tuple([extJsonConfigSchema]),
  'extjson:preview': z.tuple([templateIdSchema, z.array(appidSchema).max(MAX_APPIDS)]),
  'extjson:submitPreview': z.tuple([templateIdSchema, z.array(appidSchema).max(200)]),
  'ledger:list': z.tuple([appidSchema]),
  'audits:list': z.tuple([]),
  'audits:quota': z.tuple([]),
  'audits:refresh': z.tuple([appidSchema]),
  'audits:withdraw': z.tuple([appidSchema]),
  'audits:speedup': z.tuple([appidSchema]),
  'audits:release': z.tuple([appidSchema]),
  'audits:screenshot': z.tuple([appidSchema, nonEmpty(256)]),
  'versions:state': z.tuple([appidSchema]),
  'versions:revert': z.tuple([appidSchema, int(1, Number.MAX_SAFE_INTEGER).nullable()]),
  'versions:grayRelease': z.tuple([appidSchema, grayOptionsSchema]),
  'versions:releaseFully': z.tuple([appidSchema]),
  'versions:revertGray': z.tuple([appidSchema]),
  'versions:setVisit': z.tuple([appidSchema, z.enum(['open', 'close'])]),
  'versionJobs:list': z.tuple([]),
  'versionJobs:start': z.tuple([versionJobSpecSchema]),
  'versionJobs:cancel': z.tuple([idSchema]),
  'versionJobs:retryFailed': z.tuple([idSchema]),
  'logs:calls': z.tuple([logFilterSchema]),
  'logs:operations': z.tuple([logFilterSchema]),
  'jobs:list': z.tuple([]),
  'jobs:get': z.tuple([idSchema]),
  'jobs:startDeploy': z.tuple([deployJobSpecSchema]),
  'jobs:pause': z.tuple([idSchema]),
  'jobs:resume': z.tuple([idSchema]),
  'jobs:cancel': z.tuple([idSchema]),
  'jobs:retryFailed': z.tuple([idSchema, retryOptionsSchema.optional()]),
  ...READINESS_ARGS,
} as const;

export type PlatformInput = z.infer<typeof platformInputSchema>;
export type RelayInput = z.infer<typeof relayInputSchema>;
export type PreferencesInput = z.infer<typeof preferencesInputSchema>;
export type AuthorizerFilter = z.infer<typeof authorizerFilterSchema>;
export type ExtJsonConfig = z.infer<typeof extJsonConfigSchema>;
export type DeployJobSpec = z.infer<typeof deployJobSpecSchema>;
export type SubmitProfile = z.infer<typeof submitProfileSchema>;
export type UgcDeclareInput = z.infer<typeof ugcDeclareSchema>;
export type RetryOptions = z.infer<typeof retryOptionsSchema>;
export type EventsQuery = z.infer<typeof eventsQuerySchema>;
