import type { AuditDecision } from '../engine/audit-engine.js';
import { resolveCategoryReview } from '../engine/category-review.js';
import { decideFiling, finishVerifyTask } from '../engine/icp-filing.js';
import { resolveNicknameReview } from '../engine/nickname-review.js';
import { resolvePrivacyReview } from '../engine/privacy-review.js';
import type { Registrations } from '../engine/registrations.js';
import type { Sim } from '../sim.js';
import { ControlError, appOf, need, oneOf, optionalString } from './control-kit.js';
import type { ControlTable, Json } from './control-kit.js';

function decideAudit(sim: Sim, body: Json) {
  const outcome = oneOf(body['outcome'], ['success', 'fail', 'delay'], 'outcome');
  const decision: AuditDecision = { outcome };
  if (typeof body['reason'] === 'string') decision.reason = body['reason'];
  if (typeof body['screenshots'] === 'number') decision.screenshots = body['screenshots'];
  if (typeof body['appid'] !== 'string') {
    const count = typeof body['count'] === 'number' ? body['count'] : 1;
    sim.audits.decide(decision, { count });
    return { queued: count };
  }
  const app = appOf(sim, body);
  if (body['now'] !== true) {
    sim.audits.decide(decision, { appid: app.appid });
    return { queued: 1 };
  }
  const pending = app.code.audits.at(-1);
  if (pending === undefined || (pending.status !== 2 && pending.status !== 4))
    throw new ControlError(409, 'no audit pending');
  sim.audits.resolve(app, pending, decision);
  return { resolved: pending.auditid, status: pending.status };
}

const resolved = (done: boolean, what: string) => {
  if (!done) throw new ControlError(409, `no ${what} pending`);
  return { resolved: true };
};

/** The reviewers and the people WeChat asks: audits, category, privacy-interface, name and ICP reviews, registrations. */
export function reviewRoutes(sim: Sim, registrations: Registrations): ControlTable {
  const taskOf = (body: Json) =>
    need(registrations.tasks.get(optionalString(body['taskid'])), 'unknown or missing taskid');
  return {
    'POST /audit/decide': (body) => decideAudit(sim, body),
    'POST /categories/decide': (body) => {
      const app = appOf(sim, body);
      const category = app.categories.find((c) => c.first_id === body['first'] && c.second_id === body['second']);
      const outcome = oneOf(body['outcome'], ['approve', 'reject'], 'outcome');
      const done =
        category !== undefined && resolveCategoryReview(sim, app, category, outcome, optionalString(body['reason']));
      return resolved(done, 'category review');
    },
    'POST /privacy-interface/decide': (body) => {
      const app = appOf(sim, body);
      const outcome = oneOf(body['outcome'], ['grant', 'reject'], 'outcome');
      const api = optionalString(body['api_name']);
      return resolved(resolvePrivacyReview(sim, app, api, outcome, optionalString(body['reason'])), 'application');
    },
    'POST /nickname/decide': (body) => {
      const app = appOf(sim, body);
      const outcome = oneOf(body['outcome'], ['approve', 'reject'], 'outcome');
      const auditId = Number(body['audit_id']);
      return resolved(resolveNicknameReview(sim, app, auditId, outcome, optionalString(body['reason'])), 'name review');
    },
    'POST /icp/verify': (body) => {
      const app = appOf(sim, body);
      const outcome = oneOf(body['outcome'], ['success', 'fail'], 'outcome');
      const done = finishVerifyTask(sim, app, optionalString(body['task_id']), outcome === 'success');
      return resolved(done, 'face verification');
    },
    'POST /icp/decide': (body) => {
      const app = appOf(sim, body);
      const outcome = oneOf(body['outcome'], ['approve', 'reject'], 'outcome');
      const auditData = Array.isArray(body['audit_data'])
        ? (body['audit_data'] as { key_name: string; error: string; suggest: string }[])
        : undefined;
      return resolved(decideFiling(sim, app, outcome, auditData), 'filing review');
    },
    'POST /fastregister/decide': (body) => {
      const status = need(typeof body['status'] === 'number' ? body['status'] : undefined, 'status must be a number');
      registrations.nextStatuses.push(status);
      return { queued: registrations.nextStatuses.length };
    },
    'POST /fastregister/confirm': (body) => {
      const task = taskOf(body);
      if (!registrations.confirm(sim, task, body['agree'] !== false))
        throw new ControlError(409, `task is in status ${task.status}`);
      return { taskid: task.taskid, status: task.status };
    },
    'POST /fastregister/task': (body) => {
      const task = taskOf(body);
      const status = need(typeof body['status'] === 'number' ? body['status'] : undefined, 'status must be a number');
      if (!registrations.setStatus(sim, task, status)) throw new ControlError(409, `task is in status ${task.status}`);
      return { taskid: task.taskid, status: task.status, appid: task.appid };
    },
  };
}
