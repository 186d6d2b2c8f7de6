import type { Sim } from '../sim.js';
import type { AppCategory, MiniProgram } from '../state/types.js';

const DEFAULT_REJECTION = '资质材料不清晰或与类目不符，请重新上传清晰完整的资质';

/** A category needing qualifications goes to review (08 H6, H8); the result is pushed as wxa_category_audit (02 B16). */
export function startCategoryReview(sim: Sim, app: MiniProgram, category: AppCategory): void {
  sim.clock.cancel(category.reviewTimer);
  category.audit_status = 1;
  category.audit_reason = '';
  category.reviewTimer = sim.clock.after(sim.config.categories.reviewSeconds, () => {
    category.reviewTimer = null;
    resolveCategoryReview(sim, app, category, sim.config.categories.defaultOutcome, '');
  });
}

export function resolveCategoryReview(
  sim: Sim,
  app: MiniProgram,
  category: AppCategory,
  outcome: 'approve' | 'reject',
  reason: string,
): boolean {
  if (category.audit_status !== 1) return false;
  sim.clock.cancel(category.reviewTimer);
  category.reviewTimer = null;
  category.audit_status = outcome === 'approve' ? 3 : 2;
  category.audit_reason = outcome === 'approve' ? '' : reason || DEFAULT_REJECTION;
  sim.events.categoryAudit(app, category.first_id, category.second_id, category.audit_status, category.audit_reason);
  return true;
}
