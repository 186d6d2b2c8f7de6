/** The part of Electron's `app` the quit sequence needs. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault: () => void }) => void): unknown;
  quit(): void;
}

export interface QuitSequenceOptions {
  /** Stops the core: drains background work and closes stores and connections. */
  stopCore: () => Promise<void>;
  onError: (error: unknown) => void;
  /** A core that never finishes stopping must not keep the app open forever; store writes are atomic. */
  giveUpAfterMs?: number;
}

/** The first quit is held until the core has stopped, then the app quits for real. */
export function installQuitSequence(
  app: QuittingApp,
  { stopCore, onError, giveUpAfterMs = 15_000 }: QuitSequenceOptions,
): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        onError(new Error(`the core did not stop within ${giveUpAfterMs} ms; quitting anyway`));
        resolve();
      }, giveUpAfterMs);
    });
    const finish = (): void => {
      clearTimeout(timer);
      state = 'stopped';
      app.quit();
    };
    Promise.race([stopCore(), gaveUp]).then(finish, (error: unknown) => {
      onError(error);
      finish();
    });
  });
}
