import type { ChangeCount, MiniProgram } from './types.js';

/** Name, avatar and introduction all set: else submit_audit and grayrelease answer 86002 (08 H5). */
export function hasBasicInfo(app: MiniProgram): boolean {
  return app.nickName !== '' && app.basic.headImage !== '' && app.signature !== '';
}

/** The count of `changes` in `period`, starting over when the period moved on. */
export function countIn(changes: ChangeCount, period: string): number {
  if (changes.period !== period) Object.assign(changes, { period, count: 0 });
  return changes.count;
}
