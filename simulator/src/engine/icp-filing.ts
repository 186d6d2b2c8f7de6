import { randomToken } from '../ids.js';
import type { Sim } from '../sim.js';
import type { IcpState, MiniProgram } from '../state/types.js';

const DAY = 86400;
const DEFAULT_AUDIT_DATA = [
  {
    key_name: '小程序服务内容',
    error: '服务内容与小程序实际功能不符',
    suggest: '请按小程序实际提供的服务选择服务内容类型',
  },
];

/** create_icp_verifytask (08 H7): the admin's face verification, finished after `icp.verifySeconds` (B15 push). */
export function startVerifyTask(sim: Sim, app: MiniProgram, alongWithAuth: boolean): string {
  const taskId = randomToken(16);
  const task = {
    face_status: 1 as 0 | 1 | 2 | 3,
    expiresAt: sim.now() + (alongWithAuth ? 1 : 3) * DAY,
    timer: null as number | null,
  };
  app.icp.verifyTasks.set(taskId, task);
  task.timer = sim.clock.after(sim.config.icp.verifySeconds, () =>
    finishVerifyTask(sim, app, taskId, sim.config.icp.defaultOutcome === 'approve'),
  );
  return taskId;
}

export function finishVerifyTask(sim: Sim, app: MiniProgram, taskId: string, success: boolean): boolean {
  const task = app.icp.verifyTasks.get(taskId);
  if (task === undefined || task.face_status !== 1) return false;
  sim.clock.cancel(task.timer);
  task.timer = null;
  task.face_status = success ? 3 : 2;
  sim.events.icp(app, 'notify_icpfiling_verify_result', {
    task_id: taskId,
    verify_appid: app.appid,
    result: task.face_status,
  });
  return true;
}

function setPhase(sim: Sim, app: MiniProgram, phase: number): void {
  app.icp.phase = phase;
  sim.events.icp(app, 'notify_apply_icpfiling_result', { authorizer_appid: app.appid, beian_status: phase });
}

function schedule(sim: Sim, icp: IcpState, fire: () => void): void {
  sim.clock.cancel(icp.timer);
  icp.timer = sim.clock.after(sim.config.icp.reviewSeconds, () => {
    icp.timer = null;
    fire();
  });
}

/** apply_icp_filing accepted: platform review (2) → authority review (4) → filed (6), each stage pushed (B15). */
export function startFiling(sim: Sim, app: MiniProgram): void {
  app.icp.audit_data = [];
  setPhase(sim, app, 2);
  scheduleStage(sim, app);
}

function scheduleStage(sim: Sim, app: MiniProgram): void {
  schedule(sim, app.icp, () => decideFiling(sim, app, sim.config.icp.defaultOutcome));
}

/**
 * Decides the stage in review: approval moves 2 → 4 (and the authority's review starts) or 4 → 6; a rejection
 * becomes 3 (platform) or 5 (authority) with `audit_data`.
 */
export function decideFiling(
  sim: Sim,
  app: MiniProgram,
  outcome: 'approve' | 'reject',
  auditData = DEFAULT_AUDIT_DATA,
): boolean {
  const { icp } = app;
  if (icp.phase !== 2 && icp.phase !== 4) return false;
  sim.clock.cancel(icp.timer);
  icp.timer = null;
  if (outcome === 'reject') {
    icp.audit_data = auditData;
    setPhase(sim, app, icp.phase === 2 ? 3 : 5);
    return true;
  }
  setPhase(sim, app, icp.phase === 2 ? 4 : 6);
  if (icp.phase === 4) scheduleStage(sim, app);
  return true;
}

/** cancel_icp_filing: the filing is cancelled after a review period; meanwhile `is_canceling`. */
export function startCancel(sim: Sim, app: MiniProgram): void {
  app.icp.is_canceling = true;
  schedule(sim, app.icp, () => {
    app.icp.is_canceling = false;
    app.icp.order = null;
    app.icp.phase = 1024;
  });
}
