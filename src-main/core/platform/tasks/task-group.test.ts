import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../log/logger.js';
import { createTaskGroup } from './task-group.js';

const later = <T>(value: T, fail = false): { promise: Promise<T>; settle: () => void } => {
  let settle!: () => void;
  const promise = new Promise<T>((resolve, reject) => {
    settle = () => (fail ? reject(new Error(`failed with ${String(value)}`)) : resolve(value));
  });
  return { promise, settle };
};

describe('task group', () => {
  it('logs a failure with what it was and never rejects into nowhere', async () => {
    const logger = memoryLogger();
    const tasks = createTaskGroup(logger);
    const write = later('disk full', true);
    tasks.track('job store write failed', write.promise, { jobId: 'j1' });
    write.settle();
    await tasks.drain();
    expect(logger.records).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'job store write failed',
        fields: expect.objectContaining({
          jobId: 'j1',
          error: expect.objectContaining({ message: expect.any(String) }),
        }),
      }),
    ]);
  });

  it('drains only once every task, including those started while draining, has settled', async () => {
    const tasks = createTaskGroup(memoryLogger());
    const first = later(1);
    const second = later(2);
    tasks.track('a', first.promise);
    let drained = false;
    const draining = tasks.drain().then(() => (drained = true));
    tasks.run('b', () => second.promise);
    expect(tasks.size()).toBe(2);
    first.settle();
    await new Promise((r) => setImmediate(r));
    expect(drained).toBe(false);
    second.settle();
    await draining;
    expect(tasks.size()).toBe(0);
  });

  it('turns a task that throws before its first await into a logged failure', async () => {
    const logger = memoryLogger();
    const tasks = createTaskGroup(logger);
    tasks.run('quota watch failed', () => {
      throw new Error('synchronous');
    });
    await tasks.drain();
    expect(logger.records.map((r) => r.msg)).toEqual(['quota watch failed']);
  });
});
