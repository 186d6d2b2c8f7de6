import { defineAggregate } from '../aggregate/aggregate-def.js';
import type { Infer } from '../aggregate/schema.js';
import { s } from '../aggregate/schema.js';

export const draftRecordSchema = s.object({
  draftId: s.number(),
  userVersion: s.string(),
  userDesc: s.string(),
  createTime: s.number(),
  sourceAppid: s.string(),
  developer: s.string(),
});

export const templateRecordSchema = s.object({
  templateId: s.number(),
  /** Null when WeChat's list does not carry it (legacy shape). */
  draftId: s.nullable(s.number()),
  userVersion: s.string(),
  userDesc: s.string(),
  createTime: s.number(),
  templateType: s.number(),
  sourceAppid: s.string(),
  developer: s.string(),
});

export const templateLibrarySchema = s.object({
  drafts: s.array(draftRecordSchema),
  templates: s.array(templateRecordSchema),
  defaultTemplateId: s.nullable(s.number()),
  syncedAt: s.number(),
  /** addtotemplate / deletetemplate done from here (platform-level, so not in the per-app ledger); bounded. */
  activity: s.array(
    s.object({ at: s.string(), action: s.string(), templateId: s.number(), draftId: s.nullable(s.number()) }),
  ),
});

export type DraftRecord = Infer<typeof draftRecordSchema>;
export type TemplateRecord = Infer<typeof templateRecordSchema>;
export type TemplateLibrary = Infer<typeof templateLibrarySchema>;

export const MAX_TEMPLATE_ACTIVITY = 500;

export const templateLibraryAggregate = defineAggregate({
  name: 'templates',
  version: 1,
  schema: templateLibrarySchema,
  migrations: [],
});
