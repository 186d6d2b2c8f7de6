import type { SubmitPreview, SubmitProfile } from '@contract/release';
import type { ReleaseApi } from '../release-api.js';
import { WeChatError } from '../../wechat/client/wechat-error.js';
import { buildSubmission, categoryName } from './build-submit.js';
import type { AppCategory } from './build-submit.js';

export interface SubmitPreviewDeps {
  api: Pick<ReleaseApi, 'getCategory' | 'getPage'>;
  submitProfile(templateId: number, appid: string): SubmitProfile;
}

/** How many mini-programs are asked at once (two calls each). */
const PARALLEL = 4;

async function pagesOf(api: SubmitPreviewDeps['api'], appid: string): Promise<string[] | null> {
  try {
    return (await api.getPage(appid)).page_list ?? [];
  } catch (err) {
    // No committed code yet: its pages are known only after the commit (the job checks again before submitting).
    if (err instanceof WeChatError && err.kind === 'api') return null;
    throw err;
  }
}

async function previewOne(deps: SubmitPreviewDeps, templateId: number, appid: string): Promise<SubmitPreview> {
  const profile = deps.submitProfile(templateId, appid);
  const [categories, pages] = await Promise.all([deps.api.getCategory(appid), pagesOf(deps.api, appid)]);
  const own: AppCategory[] = categories.category_list ?? [];
  const known = pages ?? (profile.page === undefined ? [] : [profile.page]);
  const built = buildSubmission(profile, own, known);
  const item = built.request?.item_list?.[0];
  return {
    appid,
    item: item
      ? {
          firstClass: item.first_class,
          secondClass: item.second_class,
          ...(item.third_class ? { thirdClass: item.third_class } : {}),
          ...(item.address ? { address: item.address } : {}),
          ...(item.title ? { title: item.title } : {}),
          ...(item.tag ? { tag: item.tag } : {}),
        }
      : null,
    problems: [...built.problems, ...(pages === null ? [{ code: 'submit_pages_after_commit', params: {} }] : [])],
    categories: own.map((c) => ({
      firstId: c.first_id,
      secondId: c.second_id,
      ...(c.third_id ? { thirdId: c.third_id } : {}),
      name: categoryName(c),
    })),
    pages: pages ?? [],
  };
}

/** What each mini-program would be submitted with, asked of WeChat (get_category, get_page) a few at a time. */
export async function previewSubmissions(
  deps: SubmitPreviewDeps,
  templateId: number,
  appids: readonly string[],
): Promise<SubmitPreview[]> {
  const out: SubmitPreview[] = new Array<SubmitPreview>(appids.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < appids.length) {
      const i = next++;
      const appid = appids[i] ?? '';
      out[i] = await previewOne(deps, templateId, appid);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, appids.length) }, worker));
  return out;
}
