import type { CategoryOption } from '../../contract/readiness.js';
import type { WeChatApi } from '../wechat/client/wechat-api.js';

/** The second-level categories WeChat's catalogue offers this mini-program, with their first level. */
export async function categoryOptions(
  api: Pick<WeChatApi, 'getAllCategories'>,
  appid: string,
): Promise<CategoryOption[]> {
  const nodes = (await api.getAllCategories(appid)).categories_list.categories;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return nodes
    .filter((n) => n.level === 2)
    .flatMap((second) => {
      const first = byId.get(second.father);
      return first === undefined
        ? []
        : [
            {
              first: first.id,
              firstName: first.name,
              second: second.id,
              secondName: second.name,
              needsQualification: second.sensitive_type === 1,
            },
          ];
    });
}
