import { coded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';
import type { GetLatestAuditStatusResponse } from '@wxfleet/protocol';
import { splitScreenshots } from '../audits/audit-book.js';
import { WeChatError } from '../../wechat/client/wechat-error.js';
import { LocalStepError, mayHaveArrived } from './item-error.js';
import { buildSubmitBody } from './item-list.js';
import { ledgerEntry } from '../ledger/ledger-entry.js';
import { privacyInterfacesError } from './privacy-check.js';
import type { ItemPatch, StepEnv, StepInput } from './step-env.js';
import { ARRIVAL_SKEW_MS } from './step-env.js';

async function latestAudit(env: StepEnv, appid: string): Promise<GetLatestAuditStatusResponse | null> {
  try {
    return await env.call('getLatestAuditStatus', () => env.api.getLatestAuditStatus(appid));
  } catch (err) {
    if (err instanceof WeChatError && err.errcode === 85058) return null;
    throw err;
  }
}

/** Our submission, if WeChat's latest audit is it (same version, submitted after we meant to send it). */
async function findSubmission(
  env: StepEnv,
  input: StepInput,
  since: number,
): Promise<GetLatestAuditStatusResponse | null> {
  const latest = await latestAudit(env, input.item.appid);
  if (!latest || latest.user_version !== input.spec.userVersion) return null;
  return latest.submit_audit_time * 1000 >= since - ARRIVAL_SKEW_MS ? latest : null;
}

async function adopt(
  env: StepEnv,
  input: StepInput,
  found: GetLatestAuditStatusResponse,
  detail: Coded | null,
): Promise<ItemPatch> {
  const { appid } = input.item;
  const entries = await env.ledger.list(appid);
  if (!entries.some((e) => e.kind === 'submit_audit' && e.auditId === found.auditid)) {
    env.record(
      ledgerEntry(appid, 'submit_audit', {
        templateId: input.spec.templateId,
        userVersion: input.spec.userVersion,
        auditId: found.auditid,
        jobId: input.jobId,
        detail,
      }),
    );
  }
  if (env.audits.record(appid)?.auditId !== found.auditid) {
    env.audits.submitted(appid, {
      auditId: found.auditid,
      userVersion: input.spec.userVersion,
      templateId: input.spec.templateId,
      jobId: input.jobId,
    });
  }
  if (found.status !== 2) {
    const screenshots = splitScreenshots(found.ScreenShot ?? found.screenshot);
    await env.audits.resolved(appid, {
      status: found.status,
      reason: found.reason ?? '',
      screenshots,
      auditId: found.auditid,
    });
  }
  return { state: 'auditing', auditId: found.auditid, nextAt: env.clock.now() + env.settings.auditPollMs };
}

/** submitting → auditing: never sends a second submission for a version WeChat already has under audit. */
export async function submitStep(env: StepEnv, input: StepInput): Promise<ItemPatch> {
  const { item, spec } = input;
  if (item.submitSentAt !== null) {
    const found = await findSubmission(env, input, item.submitSentAt);
    if (found) return adopt(env, input, found, coded('ledger_found_after_restart'));
  }
  input.reserveAudit();
  let auditid: number;
  let sent = false;
  try {
    const body = await buildSubmitBody(env, item.appid, spec.templateId);
    const feedback = item.feedbackInfo ?? null;
    input.recordIntent({ submitSentAt: env.clock.now() });
    sent = true;
    const res = await env.call('submitAudit', () =>
      env.api.submitAudit(item.appid, {
        ...body,
        version_desc: body.version_desc ?? spec.userDesc,
        ...(feedback ? { feedback_info: feedback } : {}),
      }),
    );
    auditid = res.auditid;
  } catch (err) {
    if (!sent || !mayHaveArrived(err)) input.refundAudit();
    if (err instanceof WeChatError && err.errcode === 61039) {
      return { state: 'scanning', submitSentAt: null, nextAt: env.clock.now() + env.settings.scanPollMs };
    }
    if (err instanceof WeChatError && err.errcode === 85009) {
      const found = await findSubmission(env, input, item.submitSentAt ?? env.clock.now() - ARRIVAL_SKEW_MS);
      if (found) return adopt(env, input, found, coded('ledger_already_under_audit'));
      throw new LocalStepError(coded('another_version_under_audit', {}, 85009));
    }
    if (err instanceof WeChatError && err.errcode === 61040) throw await privacyInterfacesError(env, item.appid);
    throw err;
  }
  // Ledger first: its order is the call order, and the result may be pushed while the store writes.
  env.record(
    ledgerEntry(item.appid, 'submit_audit', {
      templateId: spec.templateId,
      userVersion: spec.userVersion,
      auditId: auditid,
      jobId: input.jobId,
    }),
  );
  env.audits.submitted(item.appid, {
    auditId: auditid,
    userVersion: spec.userVersion,
    templateId: spec.templateId,
    jobId: input.jobId,
  });
  return { state: 'auditing', auditId: auditid, nextAt: env.clock.now() + env.settings.auditPollMs };
}
