import { z } from 'zod';

/**
 * The one appid rule: `wx` followed by 16 letters or digits (mini-programs, official accounts and the third-party
 * platform itself). Used wherever an appid arrives from outside: the relay's push path, job specs, wire frames.
 */
export const APPID_PATTERN = /^wx[0-9A-Za-z]{16}$/;

export const isAppid = (value: unknown): value is string => typeof value === 'string' && APPID_PATTERN.test(value);

export const appidSchema = z.string().regex(APPID_PATTERN, 'not an appid (wx + 16 letters or digits)');
