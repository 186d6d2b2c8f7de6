import { describe, expect, it } from 'vitest';
import { createCoreSlot } from '../../src-main/shell/core-slot';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function fakeCore(log: string[]) {
  return {
    start: async () => void log.push('start'),
    stop: async () => void log.push('stop'),
  };
}

describe('core slot', () => {
  it('a quit while the profile opens waits for it, stops what opened, and never starts it', async () => {
    const log: string[] = [];
    const slot = createCoreSlot<ReturnType<typeof fakeCore>>();
    const opening = deferred<ReturnType<typeof fakeCore>>();
    const opened = slot.open(() => opening.promise);
    let stopped = false;
    const stop = slot.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    opening.resolve(fakeCore(log));
    await opened;
    await slot.run((core) => core.start());
    await stop;
    expect(log).toEqual(['stop']);
  });

  it('a quit while the core starts waits for the start, then stops once', async () => {
    const log: string[] = [];
    const slot = createCoreSlot<ReturnType<typeof fakeCore>>();
    await slot.open(async () => fakeCore(log));
    const starting = deferred();
    const started = slot.run(async () => {
      await starting.promise;
      log.push('started');
    });
    const stops = [slot.stop(), slot.stop()];
    await Promise.resolve();
    expect(log).toEqual([]);
    starting.resolve();
    await Promise.all([started, ...stops]);
    expect(log).toEqual(['started', 'stop']);
  });

  it('a profile that failed to open is nothing to stop', async () => {
    const slot = createCoreSlot<ReturnType<typeof fakeCore>>();
    await expect(slot.open(() => Promise.reject(new Error('no keychain')))).rejects.toThrow('no keychain');
    expect(slot.current()).toBeNull();
    await expect(slot.stop()).resolves.toBeUndefined();
  });
});
