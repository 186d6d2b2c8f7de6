import type { SubmitAuditItem } from '@wxfleet/protocol';
import type { StepEnv } from './step-env.js';

/** submit_audit's item_list from the mini-program's own audit categories and the committed code's pages (05 E2/E3). */
export async function buildItemList(env: StepEnv, appid: string): Promise<SubmitAuditItem[] | undefined> {
  const [categories, pages] = await Promise.all([
    env.call('getCategory', () => env.api.getCategory(appid)),
    env.call('getPage', () => env.api.getPage(appid)),
  ]);
  const category = categories.category_list?.[0];
  // Without a category WeChat falls back to the configured ones; an item without one would be 85008.
  if (!category) return undefined;
  const address = pages.page_list?.[0];
  const item: SubmitAuditItem = {
    first_class: category.first_class,
    second_class: category.second_class,
    first_id: category.first_id,
    second_id: category.second_id,
    ...(category.third_class ? { third_class: category.third_class, third_id: category.third_id } : {}),
    ...(address ? { address } : {}),
  };
  return [item];
}
