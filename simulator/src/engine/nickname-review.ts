import type { Sim } from '../sim.js';
import type { MiniProgram } from '../state/types.js';

const NO_MATERIAL = '名称涉及受保护的关键词，未提供证明材料';

/** A name that hits a keyword goes to review; without proof material it is rejected (05 E21, 08 H2). */
export function startNicknameReview(sim: Sim, app: MiniProgram, nickname: string, material: boolean): number {
  const auditId = sim.nextNicknameAuditId++;
  const record = {
    nickname,
    audit_stat: 1 as const,
    create_time: sim.now(),
    audit_time: 0,
    fail_reason: '',
    material,
    timer: null as number | null,
  };
  app.nicknameAudits.set(auditId, record);
  record.timer = sim.clock.after(sim.config.nicknameAuditSeconds, () => {
    record.timer = null;
    resolveNicknameReview(sim, app, auditId, material ? 'approve' : 'reject', material ? '' : NO_MATERIAL);
  });
  return auditId;
}

/** Decides a pending review now: the name changes on approval; `wxa_nickname_audit` is pushed either way (02 B12). */
export function resolveNicknameReview(
  sim: Sim,
  app: MiniProgram,
  auditId: number,
  outcome: 'approve' | 'reject',
  reason: string,
): boolean {
  const record = app.nicknameAudits.get(auditId);
  if (record === undefined || record.audit_stat !== 1) return false;
  sim.clock.cancel(record.timer);
  record.timer = null;
  Object.assign(record, {
    audit_stat: outcome === 'approve' ? 3 : 2,
    audit_time: sim.now(),
    fail_reason: outcome === 'approve' ? '' : reason || NO_MATERIAL,
  });
  if (outcome === 'approve') {
    app.nickName = record.nickname;
    app.basic.nicknameChanges++;
  }
  sim.events.nicknameAudit(app, outcome === 'approve' ? 3 : 2, record.nickname, record.fail_reason);
  return true;
}
