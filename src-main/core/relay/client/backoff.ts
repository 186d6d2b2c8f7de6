export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** Share of each delay that is random: 0.5 gives a delay in [d/2, d]. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, factor: 2, jitter: 0.5 };

/** Jittered exponential backoff; `reset()` after a good connection. */
export class Backoff {
  private attempts = 0;
  private readonly options: BackoffOptions;

  constructor(
    options: Partial<BackoffOptions> = {},
    private readonly random: () => number = Math.random,
  ) {
    this.options = { ...DEFAULT_BACKOFF, ...options };
  }

  get attempt(): number {
    return this.attempts;
  }

  next(): number {
    const { initialMs, maxMs, factor, jitter } = this.options;
    const base = Math.min(maxMs, initialMs * factor ** this.attempts);
    this.attempts++;
    const share = Math.min(1, Math.max(0, jitter));
    const r = Math.min(1, Math.max(0, this.random()));
    return Math.round(base * (1 - share + share * r));
  }

  reset(): void {
    this.attempts = 0;
  }
}
