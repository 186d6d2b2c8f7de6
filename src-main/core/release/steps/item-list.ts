import type { SubmitAuditRequest } from '@wxfleet/protocol';
import { buildSubmission, declarations } from '../submit/build-submit.js';
import { profileProblems } from '../submit/submit-profile.js';
import { coded } from '../../../contract/codes.js';
import { LocalStepError } from './item-error.js';
import type { StepEnv } from './step-env.js';

/**
 * submit_audit's body from the submit profile (template, overridden by the mini-program's own) and the mini-program's
 * own audit categories and the committed code's pages (05 E2/E3/E5); refused here, before any audit is spent, when
 * the profile does not fit them.
 */
export async function buildSubmitBody(env: StepEnv, appid: string, templateId: number): Promise<SubmitAuditRequest> {
  const profile = env.submitProfile?.(templateId, appid) ?? {};
  const refuse = (problems: { code: string; params: Record<string, string | number> }[]): LocalStepError => {
    const what = problems.map((p) => `${p.code}${Object.keys(p.params).length ? ` ${JSON.stringify(p.params)}` : ''}`);
    return new LocalStepError(coded('submit_profile_unfit', { appid, problems: what.join('; ') }));
  };
  if (!env.settings.buildItemList) {
    const problems = profileProblems(profile);
    if (problems.length > 0) throw refuse(problems);
    return declarations(profile);
  }
  const [categories, pages] = await Promise.all([
    env.call('getCategory', () => env.api.getCategory(appid)),
    env.call('getPage', () => env.api.getPage(appid)),
  ]);
  const own = categories.category_list ?? [];
  // Without a category of its own WeChat answers 85008 whatever we send: let it say so.
  if (own.length === 0 && !profile.category) {
    const problems = profileProblems(profile);
    if (problems.length > 0) throw refuse(problems);
    return declarations(profile);
  }
  const built = buildSubmission(profile, own, pages.page_list ?? []);
  if (!built.request) throw refuse(built.problems);
  return built.request;
}
