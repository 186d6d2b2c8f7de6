import { coded } from '../../../contract/codes.js';
import type { Coded } from '@contract/codes';
import type { WithdrawCounter } from '../../platform/store/release-aggregate.js';

export const WITHDRAW_PER_DAY = 5;
export const WITHDRAW_PER_MONTH = 10;

// WeChat counts in China time: the daily allowance comes back at 00:00 Beijing time.
const CHINA_OFFSET_MS = 8 * 3600_000;

const chinaDate = (now: number): string => new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);

export interface WithdrawAllowance {
  dayLeft: number;
  monthLeft: number;
}

export function withdrawAllowance(counter: WithdrawCounter | undefined, now: number): WithdrawAllowance {
  const day = chinaDate(now);
  const month = day.slice(0, 7);
  const dayUsed = counter && counter.day === day ? counter.dayCount : 0;
  const monthUsed = counter && counter.month === month ? counter.monthCount : 0;
  return { dayLeft: Math.max(0, WITHDRAW_PER_DAY - dayUsed), monthLeft: Math.max(0, WITHDRAW_PER_MONTH - monthUsed) };
}

/** Why a withdrawal is refused here, before WeChat would answer 87013; null when it is allowed. */
export function withdrawRefusal(counter: WithdrawCounter | undefined, now: number): Coded | null {
  const { dayLeft, monthLeft } = withdrawAllowance(counter, now);
  if (monthLeft === 0) return coded('withdraw_refused', { per: 'month', limit: WITHDRAW_PER_MONTH }, 87013);
  if (dayLeft === 0) return coded('withdraw_refused', { per: 'day', limit: WITHDRAW_PER_DAY }, 87013);
  return null;
}

/** The counter after one more withdrawal (or after WeChat said 87013: `exhausted` fills today's and the month's). */
export function countWithdrawal(counter: WithdrawCounter | undefined, now: number, exhausted = false): WithdrawCounter {
  const day = chinaDate(now);
  const month = day.slice(0, 7);
  const dayCount = counter && counter.day === day ? counter.dayCount : 0;
  const monthCount = counter && counter.month === month ? counter.monthCount : 0;
  // WeChat does not say which limit it hit: today's is certainly used up; the month's is learned next time.
  if (exhausted) return { day, dayCount: WITHDRAW_PER_DAY, month, monthCount };
  return { day, dayCount: dayCount + 1, month, monthCount: monthCount + 1 };
}
