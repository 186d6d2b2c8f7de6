import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QuittingApp } from '../../src-main/shell/quit-sequence';
import { installQuitSequence } from '../../src-main/shell/quit-sequence';

/** Electron's quit as the sequence sees it: `quit()` emits `before-quit`; nobody preventing it means the app exits. */
function fakeApp() {
  const listeners: Array<(event: { preventDefault: () => void }) => void> = [];
  const app = {
    exited: false,
    on: (_event: 'before-quit', listener: (typeof listeners)[number]) => listeners.push(listener),
    quit: () => {
      let prevented = false;
      for (const listener of listeners) listener({ preventDefault: () => (prevented = true) });
      if (!prevented) app.exited = true;
    },
  };
  return app satisfies QuittingApp;
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('quit sequence', () => {
  afterEach(() => vi.useRealTimers());

  it('holds the quit until the core has stopped, then quits once', async () => {
    const app = fakeApp();
    const stopped = deferred();
    const stopCore = vi.fn(() => stopped.promise);
    installQuitSequence(app, { stopCore, onError: () => undefined });

    app.quit();
    expect(app.exited).toBe(false);
    app.quit(); // a second Cmd+Q while stopping neither exits nor stops the core twice
    expect(app.exited).toBe(false);
    expect(stopCore).toHaveBeenCalledTimes(1);

    stopped.resolve();
    await vi.waitFor(() => expect(app.exited).toBe(true));
    expect(stopCore).toHaveBeenCalledTimes(1);
  });

  it('still quits when the core fails to stop, and reports the failure', async () => {
    const app = fakeApp();
    const errors: unknown[] = [];
    installQuitSequence(app, {
      stopCore: () => Promise.reject(new Error('disk gone')),
      onError: (e) => errors.push(e),
    });
    app.quit();
    await vi.waitFor(() => expect(app.exited).toBe(true));
    expect(errors).toEqual([new Error('disk gone')]);
  });

  it('gives up on a core that never stops', async () => {
    vi.useFakeTimers();
    const app = fakeApp();
    const errors: unknown[] = [];
    installQuitSequence(app, {
      stopCore: () => new Promise<void>(() => undefined),
      onError: (e) => errors.push(e),
      giveUpAfterMs: 15_000,
    });
    app.quit();
    await vi.advanceTimersByTimeAsync(14_999);
    expect(app.exited).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(app.exited).toBe(true);
    expect(errors).toHaveLength(1);
  });
});
