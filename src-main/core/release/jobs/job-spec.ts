import { coded } from '../../../contract/codes.js';
import { CodedError } from '../../../contract/result.js';
import type { DeployJobSpec } from '@contract/release';
import type { ItemRecord, JobRecord } from '../../platform/store/release-aggregate.js';

const APPID = /^wx[0-9a-zA-Z]{16}$/;

/** Refuses a spec before anything is stored or sent. */
export function validateSpec(spec: DeployJobSpec): void {
  const problems: string[] = [];
  if (!Number.isInteger(spec.templateId) || spec.templateId < 0) problems.push('templateId');
  if (spec.appids.length === 0) problems.push('appids');
  if (new Set(spec.appids).size !== spec.appids.length) problems.push('appids');
  const bad = spec.appids.filter((a) => !APPID.test(a));
  if (bad.length > 0) problems.push('appids');
  if (!spec.userVersion || spec.userVersion.length > 64) problems.push('userVersion');
  if (!Number.isInteger(spec.canary) || spec.canary < 0) problems.push('canary');
  if (spec.concurrency !== undefined && !(spec.concurrency >= 1)) problems.push('concurrency');
  if (spec.stopTheLine !== undefined && !(spec.stopTheLine >= 0 && spec.stopTheLine <= 1)) problems.push('stopTheLine');
  if (spec.auditBudget !== undefined && !(spec.auditBudget >= 0)) problems.push('auditBudget');
  if (problems.length > 0)
    throw new CodedError(
      'invalid_argument',
      coded('deploy_cannot_start', { fields: [...new Set(problems)].join(',') }),
    );
}

export function newJobRecord(id: string, spec: DeployJobSpec, now: number): JobRecord {
  const items: Record<string, ItemRecord> = {};
  spec.appids.forEach((appid, index) => {
    items[appid] = {
      appid,
      state: 'pending',
      wave: index < spec.canary ? 0 : 1,
      attempts: 0,
      error: null,
      extJsonHash: null,
      auditId: null,
      commitSentAt: null,
      submitSentAt: null,
      releaseSentAt: null,
      failedFrom: null,
      nextAt: now,
      updatedAt: now,
    };
  });
  return {
    id,
    spec: {
      templateId: spec.templateId,
      appids: [...spec.appids],
      userVersion: spec.userVersion,
      userDesc: spec.userDesc,
      canary: Math.min(spec.canary, spec.appids.length),
      autoRelease: spec.autoRelease,
      concurrency: spec.concurrency ?? null,
      stopTheLine: spec.stopTheLine ?? null,
      auditBudget: spec.auditBudget ?? null,
    },
    status: 'running',
    pauseKind: 'none',
    pauseReason: null,
    auditsSpent: 0,
    canaryAccepted: false,
    ackFailed: 0,
    ackFinished: 0,
    createdAt: now,
    updatedAt: now,
    items,
  };
}
