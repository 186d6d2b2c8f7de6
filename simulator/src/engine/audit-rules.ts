import type { SimulatorConfig } from '../config.js';
import { findCategory } from '../state/category-catalogue.js';
import type { Audit, MiniProgram } from '../state/types.js';

/** Purpose texts reviewers reject as placeholders (05 E22: vague, empty or placeholder texts). */
const PLACEHOLDERS = new Set(['无', '暂无', '测试', 'test', 'todo', 'xxx', '-', '/', '.', '用途', 'purpose', 'n/a']);
const CHINA = 156;

function isPlaceholder(text: string): boolean {
  const trimmed = text.trim().toLowerCase();
  return trimmed === '' || PLACEHOLDERS.has(trimmed) || /^(.)\1*$/u.test(trimmed);
}

/** What a reviewer finds wrong with the guide submitted with this audit, in the words of the reason; null if fine. */
function guideProblem(app: MiniProgram, audit: Audit): string | null {
  const guide = audit.guide;
  if (guide === null) return '未配置';
  const byKey = new Map(guide.setting_list.map((s) => [s.privacy_key, s]));
  const missing = audit.experience.privacyKeys.filter((key) => !byKey.has(key));
  if (missing.length > 0) return `未说明以下信息的用途：${missing.join('、')}`;
  const vague = guide.setting_list.filter((s) => isPlaceholder(s.privacy_text)).map((s) => s.privacy_key);
  if (vague.length > 0) return `中以下信息的用途说明为空或过于笼统：${vague.join('、')}`;
  if (app.basic.registeredCountry !== CHINA && guide.owner_setting.store_region === 0)
    return '缺少境外主体的数据存储地区（store_region）';
  return null;
}

function categoryName(ref: { first_id: number; second_id: number }): string {
  const found = findCategory(ref.first_id, ref.second_id)?.category;
  return found === undefined ? `${ref.first_id}-${ref.second_id}` : `${found.first_class}-${found.second_class}`;
}

/**
 * The rejections WeChat's reviewers make from facts the simulator knows (05 E22/E23, 08 H6): a privacy guide that is
 * missing or does not match the code, and categories that do not cover what the mini program really offers.
 */
export function ruleRejection(config: SimulatorConfig, app: MiniProgram, audit: Audit): string | null {
  const problem = guideProblem(app, audit);
  if (problem !== null) return config.audit.guideRejectReason.replaceAll('{problem}', problem);
  const service = app.serviceCategory;
  const covered =
    service === null ||
    audit.categories.some((c) => c.first_id === service.first_id && c.second_id === service.second_id);
  if (!covered) return config.audit.categoryRejectReason.replaceAll('{category}', categoryName(service));
  return null;
}
