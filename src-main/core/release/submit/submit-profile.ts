import type { SubmitProfile } from '@contract/release';

/** A problem found in a submit profile or an item list: a code for the renderer and its parameters. */
export interface SubmitProblem {
  code: string;
  params: Record<string, string | number>;
}

export interface SubmitLimits {
  /** item_list[].title (05 E5: ≤ 32 characters, else 85011). */
  titleChars: number;
  /** item_list[].tag (05 E5: ≤ 10 tags of ≤ 20 characters, else 85006). */
  tags: number;
  tagChars: number;
  /** ugc_declare other_scene_desc / audit_desc (05 E5: ≤ 256). */
  ugcTextChars: number;
  /** feedback_info (05 E5: ≤ 200). */
  feedbackChars: number;
  /** version_desc: 05 E5 gives no number (85051 "too large"); UNCONFIRMED, a setting. */
  versionDescChars: number;
  /** preview_info counts: 05 E5 gives none (85093 "too many"); UNCONFIRMED, settings. */
  previewPics: number;
  previewVideos: number;
}

export const DEFAULT_SUBMIT_LIMITS: SubmitLimits = {
  titleChars: 32,
  tags: 10,
  tagChars: 20,
  ugcTextChars: 256,
  feedbackChars: 200,
  versionDescChars: 500,
  previewPics: 5,
  previewVideos: 2,
};

/** ugc_declare scene "other" (05 E5: doc versions differ on 5); it needs other_scene_desc. */
const UGC_OTHER = 5;
const UGC_SCENES = new Set([0, 1, 2, 3, 4, 5]);
const UGC_METHODS = new Set([1, 2, 3, 4]);

const chars = (text: string): number => [...text].length;

/** The merchant's own profile over the template's, field by field. */
export function mergeProfiles(template: SubmitProfile | undefined, own: SubmitProfile | undefined): SubmitProfile {
  const merged: SubmitProfile = { ...template };
  for (const [key, value] of Object.entries(own ?? {})) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** Checks a profile needs no WeChat answer for: lengths, counts and the UGC declaration's shape. */
export function profileProblems(profile: SubmitProfile, limits: SubmitLimits = DEFAULT_SUBMIT_LIMITS): SubmitProblem[] {
  const out: SubmitProblem[] = [];
  const add = (code: string, params: Record<string, string | number> = {}): void => void out.push({ code, params });
  if (profile.title !== undefined && chars(profile.title) > limits.titleChars)
    add('submit_title_too_long', { max: limits.titleChars });
  const tags = profile.tags ?? [];
  if (tags.length > limits.tags) add('submit_too_many_tags', { max: limits.tags });
  for (const tag of tags) {
    if (tag.trim() === '' || /\s/.test(tag)) add('submit_tag_has_space', { tag });
    else if (chars(tag) > limits.tagChars) add('submit_tag_too_long', { tag, max: limits.tagChars });
  }
  const ugc = profile.ugcDeclare;
  if (ugc) {
    if (ugc.scene.length === 0 || ugc.scene.some((s) => !UGC_SCENES.has(s))) add('submit_ugc_scene_invalid');
    else if (ugc.scene.includes(0) && ugc.scene.length > 1) add('submit_ugc_scene_none_alone');
    else if (!ugc.scene.includes(0)) {
      if (!ugc.method || ugc.method.length === 0 || ugc.method.some((m) => !UGC_METHODS.has(m)))
        add('submit_ugc_method_missing');
      if (ugc.scene.includes(UGC_OTHER) && !ugc.otherSceneDesc?.trim()) add('submit_ugc_other_desc_missing');
    }
    for (const text of [ugc.otherSceneDesc, ugc.auditDesc]) {
      if (text !== undefined && chars(text) > limits.ugcTextChars)
        add('submit_ugc_text_too_long', { max: limits.ugcTextChars });
    }
  }
  const pics = profile.previewInfo?.picIdList?.length ?? 0;
  const videos = profile.previewInfo?.videoIdList?.length ?? 0;
  if (pics > limits.previewPics) add('submit_preview_too_many_pics', { max: limits.previewPics });
  if (videos > limits.previewVideos) add('submit_preview_too_many_videos', { max: limits.previewVideos });
  if (profile.versionDesc !== undefined && chars(profile.versionDesc) > limits.versionDescChars)
    add('submit_version_desc_too_long', { max: limits.versionDescChars });
  return out;
}

export function feedbackProblems(feedback: string, limits: SubmitLimits = DEFAULT_SUBMIT_LIMITS): SubmitProblem[] {
  return chars(feedback) > limits.feedbackChars
    ? [{ code: 'submit_feedback_too_long', params: { max: limits.feedbackChars } }]
    : [];
}
