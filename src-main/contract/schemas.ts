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

export const extJsonConfigSchema = z.strictObject({
  templateId: templateIdSchema,
  /** A JSON text with `{{appid}}` and `{{variable}}` placeholders. */
  base: text(64 * 1024),
  /** Per-appid variables and a per-appid override JSON merged on top of the rendered base. */
  merchants: z
    .record(
      appidSchema,
      z.strictObject({
        variables: z.record(safeKey, text()).refine((v) => Object.keys(v).length <= 200, 'too many variables'),
        override: text(64 * 1024).optional(),
      }),
    )
    .refine((m) => Object.keys(m).length <= MAX_APPIDS, 'too many mini-programs'),
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
});

export const eventsQuerySchema = z.strictObject({ search: text(200).optional(), limit: int(1, 5000).optional() });
export const invitationInputSchema = z.strictObject({ note: text(200) });

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
  'ledger:list': z.tuple([appidSchema]),
  'audits:list': z.tuple([]),
  'audits:quota': z.tuple([]),
  'audits:refresh': z.tuple([appidSchema]),
  'audits:withdraw': z.tuple([appidSchema]),
  'audits:speedup': z.tuple([appidSchema]),
  'audits:release': z.tuple([appidSchema]),
  'audits:screenshot': z.tuple([appidSchema, nonEmpty(256)]),
  'versions:revert': z.tuple([appidSchema]),
  'versions:grayRelease': z.tuple([appidSchema, int(1, 100)]),
  'versions:revertGray': z.tuple([appidSchema]),
  'versions:setVisit': z.tuple([appidSchema, z.enum(['open', 'close'])]),
  'jobs:list': z.tuple([]),
  'jobs:get': z.tuple([idSchema]),
  'jobs:startDeploy': z.tuple([deployJobSpecSchema]),
  'jobs:pause': z.tuple([idSchema]),
  'jobs:resume': z.tuple([idSchema]),
  'jobs:cancel': z.tuple([idSchema]),
  'jobs:retryFailed': z.tuple([idSchema]),
  ...READINESS_ARGS,
} as const;

export type PlatformInput = z.infer<typeof platformInputSchema>;
export type RelayInput = z.infer<typeof relayInputSchema>;
export type PreferencesInput = z.infer<typeof preferencesInputSchema>;
export type AuthorizerFilter = z.infer<typeof authorizerFilterSchema>;
export type ExtJsonConfig = z.infer<typeof extJsonConfigSchema>;
export type DeployJobSpec = z.infer<typeof deployJobSpecSchema>;
export type EventsQuery = z.infer<typeof eventsQuerySchema>;
