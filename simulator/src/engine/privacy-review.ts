import type { Sim } from '../sim.js';
import type { MiniProgram, PrivacyInterfaceState } from '../state/types.js';

const DEFAULT_REJECTION = '申请理由与小程序的服务场景不符，请补充说明使用该接口的具体场景';

/** The review of an apply_privacy_interface (05 E24); the result is pushed as wxa_privacy_apply (02 B17). */
export function startPrivacyReview(sim: Sim, app: MiniProgram, api: string, state: PrivacyInterfaceState): void {
  sim.clock.cancel(state.timer);
  state.timer = sim.clock.after(sim.config.privacyInterfaces.reviewSeconds, () => {
    state.timer = null;
    resolvePrivacyReview(sim, app, api, sim.config.privacyInterfaces.defaultOutcome, '');
  });
}

export function resolvePrivacyReview(
  sim: Sim,
  app: MiniProgram,
  api: string,
  outcome: 'grant' | 'reject',
  reason: string,
): boolean {
  const state = app.privacyInterfaces.get(api);
  if (state === undefined || state.status !== 3) return false;
  sim.clock.cancel(state.timer);
  state.timer = null;
  state.status = outcome === 'grant' ? 5 : 4;
  state.fail_reason = outcome === 'grant' ? '' : reason || DEFAULT_REJECTION;
  if (sim.config.privacyInterfaces.pushResult) {
    sim.events.privacyApply(app, {
      api_name: api,
      audit_id: state.audit_id,
      status: state.status,
      fail_reason: state.fail_reason,
    });
  }
  return true;
}
