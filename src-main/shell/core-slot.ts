/** The part of the core the shell's quit needs. */
export interface StoppableCore {
  stop(): Promise<void>;
}

export interface CoreSlot<C extends StoppableCore> {
  /** The opened core, or null while it opens (or when it failed to open). */
  current(): C | null;
  /** Opens the core; a quit arriving meanwhile waits for this, then stops what opened. */
  open(openCore: () => Promise<C>): Promise<C>;
  /** Runs a startup step of the opened core (its `start`), unless a quit came first; a quit waits for it. */
  run(step: (core: C) => Promise<void>): Promise<void>;
  /** Waits for every startup step in flight, then stops the core once; later calls share that stop. */
  stop(): Promise<void>;
}

/**
 * Where the shell keeps its core. Quitting while the profile is still opening or the core is starting must not let
 * the process exit underneath them (a half-open store, an unclosed log): the stop waits for the step in flight.
 */
export function createCoreSlot<C extends StoppableCore>(): CoreSlot<C> {
  let core: C | null = null;
  let inFlight: Promise<unknown> = Promise.resolve();
  let stopping: Promise<void> | null = null;

  const track = <T>(step: Promise<T>): Promise<T> => {
    const previous = inFlight;
    inFlight = Promise.all([previous, step.catch(() => undefined)]);
    return step;
  };

  return {
    current: () => core,
    async open(openCore) {
      const opened = await track(openCore());
      core = opened;
      return opened;
    },
    async run(step) {
      if (core === null || stopping !== null) return;
      await track(step(core));
    },
    stop() {
      stopping ??= (async () => {
        await inFlight;
        await core?.stop();
      })();
      return stopping;
    },
  };
}
