import type { Sim } from '../sim.js';
import type { MiniProgram } from '../state/types.js';

/** Words that make a name need proof material and a review (08 H2 `hit_condition`); a realistic sample. */
const PROTECTED_WORDS = ['微信', '腾讯', '官方', '中国', '国家', '全国', '旗舰', '小程序'];

/** 53010: 2–30 characters, no surrounding blanks, none of the characters WeChat names never contain. */
export function nameFormatOk(name: string): boolean {
  const length = [...name].length;
  return length >= 2 && length <= 30 && name.trim() === name && !/[<>"'\\/\n\t]/.test(name);
}

export function keywordHit(name: string): { hit: boolean; wording: string } {
  const word = PROTECTED_WORDS.find((w) => name.includes(w));
  return word === undefined
    ? { hit: false, wording: '' }
    : { hit: true, wording: `名称包含「${word}」，需要提交相关证明材料，提交后进入人工审核` };
}

/** 53013: another mini program already has this name. */
export function nameTaken(sim: Sim, app: MiniProgram, name: string): boolean {
  return [...sim.accounts.apps.values()].some((other) => other !== app && other.nickName === name);
}

/** Renames used: after the first release they count as used up, a rename then needs verification (05 E21, 08 H1). */
export function renamesUsed(sim: Sim, app: MiniProgram): number {
  const quota = sim.config.basicInfo.renamesBeforeRelease;
  const released = app.code.history.length > 0 || app.code.online !== null;
  return released ? Math.max(quota, app.basic.nicknameChanges) : app.basic.nicknameChanges;
}
