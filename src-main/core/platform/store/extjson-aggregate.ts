import { defineAggregate } from '../aggregate/aggregate-def.js';
import type { Infer } from '../aggregate/schema.js';
import { s } from '../aggregate/schema.js';

/** A submit profile (contract `SubmitProfile`); every field may be absent, so a merchant's own overrides field by field. */
export const submitProfileSchema = s.object({
  category: s.optional(s.object({ firstId: s.number(), secondId: s.number(), thirdId: s.optional(s.number()) })),
  page: s.optional(s.string()),
  title: s.optional(s.string()),
  tags: s.optional(s.array(s.string())),
  ugcDeclare: s.optional(
    s.object({
      scene: s.array(s.number()),
      otherSceneDesc: s.optional(s.string()),
      method: s.optional(s.array(s.number())),
      hasAuditTeam: s.optional(s.number()),
      auditDesc: s.optional(s.string()),
    }),
  ),
  privacyApiNotUse: s.optional(s.boolean()),
  previewInfo: s.optional(
    s.object({ picIdList: s.optional(s.array(s.string())), videoIdList: s.optional(s.array(s.string())) }),
  ),
  versionDesc: s.optional(s.string()),
});

export const merchantExtSchema = s.object({
  variables: s.record(s.string()),
  /** JSON text deep-merged over the rendered base; null for none. */
  override: s.nullable(s.string()),
  submit: s.optional(submitProfileSchema),
});

export const extJsonConfigsSchema = s.object({
  /** Keyed by template id (as a string). */
  byTemplate: s.record(
    s.object({
      base: s.string(),
      merchants: s.record(merchantExtSchema),
      updatedAt: s.number(),
      /** The template's pages as its code has them (ext_json `pages`/`tabBar` may only use these). */
      pages: s.optional(s.array(s.string())),
      submit: s.optional(submitProfileSchema),
    }),
  ),
});

export type ExtJsonConfigs = Infer<typeof extJsonConfigsSchema>;
export type StoredExtJsonConfig = ExtJsonConfigs['byTemplate'][string];
export type StoredSubmitProfile = Infer<typeof submitProfileSchema>;

export const extJsonConfigsAggregate = defineAggregate({
  name: 'extjson',
  version: 1,
  schema: extJsonConfigsSchema,
  migrations: [],
});
