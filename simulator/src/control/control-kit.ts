import type { Sim } from '../sim.js';
import type { MiniProgram } from '../state/types.js';

export type Json = Record<string, unknown>;

/** One control route: `METHOD /path` (after `/__sim`) → its handler. */
export type ControlTable = Record<string, (body: Json, query: URLSearchParams) => unknown>;

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function need<T>(value: T | undefined | null, message: string): T {
  if (value === undefined || value === null) throw new ControlError(400, message);
  return value;
}

export function appOf(sim: Sim, body: Json): MiniProgram {
  const appid = body['appid'];
  return need(typeof appid === 'string' ? sim.accounts.apps.get(appid) : undefined, 'unknown or missing appid');
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T))
    throw new ControlError(400, `${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

export const optionalString = (value: unknown): string => (typeof value === 'string' ? value : '');
