import { coded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';
import { WeChatError } from '../../wechat/client/wechat-error.js';
import { ledgerEntry } from '../ledger/ledger-entry.js';
import type { ItemPatch, StepEnv, StepInput } from './step-env.js';

/** releasing → released; a release that may already have happened is checked with getversioninfo first. */
export async function releaseStep(env: StepEnv, input: StepInput): Promise<ItemPatch> {
  const { item, spec } = input;
  if (item.releaseSentAt !== null) {
    const info = await env.call('getVersionInfo', () => env.api.getVersionInfo(item.appid));
    if (info.release_info?.release_version === spec.userVersion) {
      const entries = await env.ledger.list(item.appid);
      if (!entries.some((e) => e.kind === 'release' && e.jobId === input.jobId))
        record(env, input, coded('ledger_found_on_wechat'));
      if (env.audits.record(item.appid)?.auditId === item.auditId) env.audits.released(item.appid);
      return { state: 'released' };
    }
  }
  input.recordIntent({ releaseSentAt: env.clock.now() });
  try {
    await env.call('release', () => env.api.release(item.appid));
  } catch (err) {
    // 85052: this version is already online (released by hand or by an earlier attempt).
    if (!(err instanceof WeChatError && err.errcode === 85052)) throw err;
  }
  record(env, input, null);
  if (env.audits.record(item.appid)?.auditId === item.auditId) env.audits.released(item.appid);
  return { state: 'released' };
}

function record(env: StepEnv, input: StepInput, detail: Coded | null): void {
  env.record(
    ledgerEntry(input.item.appid, 'release', {
      templateId: input.spec.templateId,
      userVersion: input.spec.userVersion,
      auditId: input.item.auditId,
      jobId: input.jobId,
      detail,
    }),
  );
}
