import { describe, expect, it } from 'vitest';
import { coded } from '@contract/codes';
import type { InvokeHandlers } from '@contract/handlers';
import { CodedError } from '@contract/result';
import { memoryLogger } from '../platform/log/logger.js';
import { loggedHandlers } from './logged-handlers.js';

describe('logged handlers', () => {
  it('log every failure before it crosses as a code, internal ones as errors, and rethrow it', async () => {
    const logger = memoryLogger();
    const handlers = loggedHandlers(logger, {
      'jobs:get': async () => {
        throw new Error('ENOSPC writing /profile?access_token=SECRET');
      },
      'jobs:pause': async () => {
        throw new CodedError('invalid_argument', coded('unknown_job', { id: 'j9' }));
      },
      'jobs:list': async () => [],
    } as unknown as InvokeHandlers);
    await expect(handlers['jobs:get']('j1')).rejects.toThrow(/ENOSPC/);
    await expect(handlers['jobs:pause']('j9')).rejects.toBeInstanceOf(CodedError);
    await expect(handlers['jobs:list']()).resolves.toEqual([]);
    expect(logger.records.map((r) => [r.level, r.msg, r.fields?.['channel'], r.fields?.['reason']])).toEqual([
      ['error', 'a call failed', 'jobs:get', undefined],
      ['warn', 'a call failed', 'jobs:pause', 'unknown_job'],
    ]);
    expect(JSON.stringify(logger.records)).toContain('ENOSPC');
    expect(JSON.stringify(logger.records)).not.toContain('SECRET');
  });
});
