import type { SubmitProfile } from '@contract/release';
import type { GetCategoryResponse, SubmitAuditItem, SubmitAuditRequest } from '@wxfleet/protocol';
import type { SubmitLimits, SubmitProblem } from './submit-profile.js';
import { DEFAULT_SUBMIT_LIMITS, profileProblems } from './submit-profile.js';

export type AppCategory = NonNullable<GetCategoryResponse['category_list']>[number];

export interface BuiltSubmission {
  /** The submit_audit body without version_desc defaults or feedback; null when a problem stops it. */
  request: SubmitAuditRequest | null;
  problems: SubmitProblem[];
}

export const categoryName = (c: AppCategory): string =>
  [c.first_class, c.second_class, c.third_class].filter((x) => x).join(' > ');

function pickCategory(profile: SubmitProfile, categories: readonly AppCategory[]): AppCategory | SubmitProblem {
  const want = profile.category;
  if (!want) return categories[0] ?? { code: 'submit_no_category', params: {} };
  const found = categories.find(
    (c) =>
      c.first_id === want.firstId &&
      c.second_id === want.secondId &&
      (want.thirdId === undefined || c.third_id === want.thirdId),
  );
  return (
    found ?? {
      code: 'submit_category_not_on_app',
      params: { category: [want.firstId, want.secondId, want.thirdId].filter((x) => x !== undefined).join('-') },
    }
  );
}

/**
 * The submit_audit body a profile makes for one mini-program, checked against its own categories (get_category) and
 * its committed code's pages (get_page) before anything is sent (05 E5: 85008, 85007, 85011, 85006, 85094…).
 */
export function buildSubmission(
  profile: SubmitProfile,
  categories: readonly AppCategory[],
  pages: readonly string[],
  limits: SubmitLimits = DEFAULT_SUBMIT_LIMITS,
): BuiltSubmission {
  const problems = profileProblems(profile, limits);
  const category = pickCategory(profile, categories);
  if ('code' in category) problems.push(category);
  const page = profile.page ?? pages[0];
  if (profile.page !== undefined && !pages.includes(profile.page))
    problems.push({ code: 'submit_page_not_in_code', params: { page: profile.page } });
  if (problems.length > 0 || 'code' in category) return { request: null, problems };
  const tag = (profile.tags ?? []).join(' ');
  const item: SubmitAuditItem = {
    first_class: category.first_class,
    second_class: category.second_class,
    first_id: category.first_id,
    second_id: category.second_id,
    ...(category.third_class ? { third_class: category.third_class, third_id: category.third_id } : {}),
    ...(page ? { address: page } : {}),
    ...(profile.title ? { title: profile.title } : {}),
    ...(tag ? { tag } : {}),
  };
  return { request: { item_list: [item], ...declarations(profile) }, problems: [] };
}

type Ugc = NonNullable<SubmitAuditRequest['ugc_declare']>;

/** The part of the body that does not depend on the mini-program: version notes, UGC, privacy, preview. */
export function declarations(profile: SubmitProfile): Omit<SubmitAuditRequest, 'item_list'> {
  const ugc = profile.ugcDeclare;
  const pics = profile.previewInfo?.picIdList ?? [];
  const videos = profile.previewInfo?.videoIdList ?? [];
  return {
    ...(profile.versionDesc ? { version_desc: profile.versionDesc } : {}),
    ...(ugc
      ? {
          ugc_declare: ugc.scene.includes(0)
            ? { scene: [0] }
            : {
                scene: ugc.scene as Ugc['scene'],
                ...(ugc.method ? { method: ugc.method as Ugc['method'] } : {}),
                ...(ugc.otherSceneDesc ? { other_scene_desc: ugc.otherSceneDesc } : {}),
                ...(ugc.hasAuditTeam !== undefined ? { has_audit_team: ugc.hasAuditTeam } : {}),
                ...(ugc.auditDesc ? { audit_desc: ugc.auditDesc } : {}),
              },
        }
      : {}),
    ...(profile.privacyApiNotUse ? { privacy_api_not_use: true } : {}),
    ...(pics.length + videos.length > 0
      ? {
          preview_info: {
            ...(pics.length > 0 ? { pic_id_list: pics } : {}),
            ...(videos.length > 0 ? { video_id_list: videos } : {}),
          },
        }
      : {}),
  };
}
