/** Faults injected per path through the control API (latency with jitter, -1, 5xx, reset, 45009, 45011). */
export interface Fault {
  /** Exact API path, or `*` for every API path. */
  path: string;
  latencyMs: number;
  jitterMs: number;
  /** `errcode` answers that WeChat errcode; `http5xx` answers that status; `reset` destroys the socket. */
  kind: 'latency' | 'errcode' | 'http5xx' | 'reset';
  errcode: number;
  status: number;
  /** Probability 0..1 that a matching call is hit. */
  rate: number;
  /** How many more calls it may hit; null = unlimited. */
  remaining: number | null;
}

export interface FaultHit {
  delayMs: number;
  fault: Fault | null;
}

export class Faults {
  private list: Fault[] = [];

  add(fault: Fault): void {
    this.list.push(fault);
  }

  clear(path?: string): void {
    this.list = path === undefined ? [] : this.list.filter((f) => f.path !== path);
  }

  all(): readonly Fault[] {
    return this.list;
  }

  /** Latency of every matching latency fault adds up; the first matching failure fault wins. */
  match(path: string): FaultHit {
    if (this.list.length === 0) return { delayMs: 0, fault: null };
    let delayMs = 0;
    let hit: Fault | null = null;
    for (const fault of this.list) {
      if (fault.path !== '*' && fault.path !== path) continue;
      if (fault.remaining !== null && fault.remaining <= 0) continue;
      if (Math.random() >= fault.rate) continue;
      if (fault.kind === 'latency') {
        delayMs += fault.latencyMs + (fault.jitterMs > 0 ? (Math.random() * 2 - 1) * fault.jitterMs : 0);
      } else if (hit === null) hit = fault;
      else continue;
      if (fault.remaining !== null) fault.remaining--;
    }
    return { delayMs: Math.max(0, delayMs), fault: hit };
  }
}
