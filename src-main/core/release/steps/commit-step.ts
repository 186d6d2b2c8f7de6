import { coded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';
import { LocalStepError } from './item-error.js';
import { ledgerEntry } from '../ledger/ledger-entry.js';
import type { ItemPatch, StepEnv, StepInput } from './step-env.js';
import { ARRIVAL_SKEW_MS } from './step-env.js';

/** Whether WeChat already holds our commit as the experience version (a commit sent before a crash or a reset). */
async function alreadyCommitted(env: StepEnv, input: StepInput, sentAt: number): Promise<boolean> {
  const info = await env.call('getVersionInfo', () => env.api.getVersionInfo(input.item.appid));
  const exp = info.exp_info;
  return exp?.exp_version === input.spec.userVersion && (exp.exp_time ?? 0) * 1000 >= sentAt - ARRIVAL_SKEW_MS;
}

/** pending/committing → committed: render ext_json, note the intent, commit, record it in the ledger. */
export async function commitStep(env: StepEnv, input: StepInput): Promise<ItemPatch> {
  const { item, spec } = input;
  const rendered = await env.renderExtJson(spec.templateId, item.appid);
  if (item.commitSentAt !== null && (await alreadyCommitted(env, input, item.commitSentAt))) {
    const entries = await env.ledger.list(item.appid);
    const recorded = entries.some((e) => e.kind === 'commit' && e.jobId === input.jobId);
    if (!recorded) recordCommit(env, input, rendered.extJson, coded('ledger_found_after_restart'));
    return { state: 'committed', nextAt: env.clock.now() };
  }
  if (rendered.errors.length > 0) {
    throw new LocalStepError(coded('ext_json_invalid', { appid: item.appid, count: rendered.errors.length }));
  }
  input.recordIntent({ state: 'committing', commitSentAt: env.clock.now(), extJsonHash: rendered.hash });
  await env.call('commit', () =>
    env.api.commit(item.appid, {
      template_id: spec.templateId,
      ext_json: rendered.extJson,
      user_version: spec.userVersion,
      user_desc: spec.userDesc || spec.userVersion,
    }),
  );
  recordCommit(env, input, rendered.extJson, null);
  return { state: 'committed', nextAt: env.clock.now() };
}

function recordCommit(env: StepEnv, input: StepInput, extJson: string, detail: Coded | null): void {
  env.record(
    ledgerEntry(input.item.appid, 'commit', {
      templateId: input.spec.templateId,
      userVersion: input.spec.userVersion,
      extJson,
      jobId: input.jobId,
      detail,
    }),
  );
}
