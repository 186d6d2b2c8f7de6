/** The arguments of the `readiness:*` and `registrations:*` channels as zod schemas (see schemas.ts). */
import { z } from 'zod';

const appid = z.string().regex(/^wx[0-9a-zA-Z]{6,32}$/);
const appids = z.array(appid).min(1).max(10_000);
const text = (max: number) => z.string().max(max);
const nonEmpty = (max: number) => z.string().min(1).max(max);
const safeKey = z.string().refine((key) => !['__proto__', 'constructor', 'prototype'].includes(key), 'forbidden key');
const domainList = z.array(text(300)).max(200);

export const guideOwnerSchema = z.strictObject({
  contactPhone: text(64),
  contactEmail: text(200),
  contactWeixin: text(64),
  /** How users are told (e.g. 弹窗). */
  noticeMethod: text(200),
  /** Storage period, as WeChat's `store_expire_timestamp` text; '' for "as long as the service runs". */
  storePeriod: text(200),
  /** 0 when not set; WeChat's region code for an overseas entity's data storage. */
  storeRegion: z.number().int().min(0).max(100_000),
});

export const domainProfileSchema = z.strictObject({
  requestdomain: domainList,
  wsrequestdomain: domainList,
  uploaddomain: domainList,
  downloaddomain: domainList,
  webviewdomain: domainList,
});

export const readinessProfileSchema = z.strictObject({
  guide: z.strictObject({
    /** One purpose per privacy key; `{{nickname}}` is replaced per mini-program. */
    purposes: z.array(z.strictObject({ privacyKey: nonEmpty(64), text: text(500) })).max(100),
    owner: guideOwnerSchema,
  }),
  /** Per-appid owner values that differ from the template's (contact, notice method, storage period, region). */
  merchantOwners: z.record(appid, guideOwnerSchema.partial()),
  domains: domainProfileSchema,
  /** Reason sent with apply_privacy_interface, per API name (`wx.getLocation`, `*` for any); `{{nickname}}` allowed. */
  interfaceReasons: z.record(safeKey, text(300)).refine((v) => Object.keys(v).length <= 50, 'too many reasons'),
});

export const fixRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('apply_privacy_guide'), appids }),
  z.strictObject({ action: z.literal('apply_privacy_interfaces'), appids }),
  z.strictObject({ action: z.literal('apply_domains'), appids }),
  /** Without ids: the category the last audit rejection named. */
  z.strictObject({
    action: z.literal('add_category'),
    appids,
    first: z.number().int().min(0).optional(),
    second: z.number().int().min(0).optional(),
  }),
  /** `avatar`: a PNG/JPEG `data:` URL of at most 2 MB, used whole (modifyheadimage crop 0,0–1,1). */
  z.strictObject({
    action: z.literal('set_basic_info'),
    appids,
    signature: text(120).optional(),
    nickname: text(64).optional(),
    avatar: z
      .string()
      .max(3_000_000)
      .regex(/^data:image\/(png|jpeg);base64,/)
      .optional(),
  }),
  z.strictObject({ action: z.literal('bind_tester'), appids, wechatid: nonEmpty(64) }),
  z.strictObject({ action: z.literal('unbind_tester'), appids, userstr: nonEmpty(128) }),
]);

export const preflightInputSchema = z.strictObject({ appids, autoRelease: z.boolean() });

export const registrationInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('enterprise'),
    name: nonEmpty(100),
    code: nonEmpty(32),
    phone: text(32).optional(),
  }),
  z.strictObject({ kind: z.literal('personal'), wxuser: nonEmpty(64), phone: text(32).optional() }),
]);

export const READINESS_ARGS = {
  'readiness:get': z.tuple([appid]),
  'readiness:refresh': z.tuple([appids.nullable()]),
  'readiness:profile': z.tuple([]),
  'readiness:saveProfile': z.tuple([readinessProfileSchema]),
  'readiness:fix': z.tuple([fixRequestSchema]),
  'readiness:fixAll': z.tuple([appids]),
  'readiness:preflight': z.tuple([preflightInputSchema]),
  'readiness:icp': z.tuple([appid]),
  'readiness:categories': z.tuple([appid]),
  'registrations:list': z.tuple([]),
  'registrations:start': z.tuple([registrationInputSchema]),
  'registrations:refresh': z.tuple([nonEmpty(128)]),
} as const;

export type GuideOwner = z.infer<typeof guideOwnerSchema>;
export type DomainProfile = z.infer<typeof domainProfileSchema>;
export type ReadinessProfile = z.infer<typeof readinessProfileSchema>;
export type GuideTemplate = ReadinessProfile['guide'];
export type GuidePurpose = GuideTemplate['purposes'][number];
export type FixRequest = z.infer<typeof fixRequestSchema>;
export type PreflightInput = z.infer<typeof preflightInputSchema>;
export type RegistrationInput = z.infer<typeof registrationInputSchema>;
