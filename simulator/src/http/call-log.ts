/** One served API call, as the control API shows it. Query strings are left out: they carry tokens. */
export interface CallRecord {
  at: string;
  method: string;
  path: string;
  ip: string;
  errcode: number;
  rid: string;
  ms: number;
}

/** What /cgi-bin/openapi/rid/get reports (01 A13). */
export interface RidRecord {
  invoke_time: number;
  cost_in_ms: number;
  request_url: string;
  request_body: string;
  response_body: string;
  client_ip: string;
  account: string;
}

/** Kept raw on the hot path and formatted only when someone asks. */
export interface RawCall {
  atMs: number;
  method: string;
  path: string;
  search: string;
  ip: string;
  errcode: number;
  rid: string;
  ms: number;
  body: Buffer;
  response: string;
  account: string;
}

/** Every call ever served for one path and account (the authorizer's appid, the component's, '' if unknown). */
export interface CallTotal {
  path: string;
  account: string;
  calls: number;
  /** Calls answered errcode 0. */
  ok: number;
  /** Calls per errcode other than 0 (-2: connection reset by a fault). */
  errcodes: Record<string, number>;
}

const RID_SECONDS = 7 * 86400;

function redactQuery(query: string): string {
  return query.replace(/((?:component_)?access_token)=[^&]*/g, '$1=REDACTED');
}

function clip(text: string): string {
  return text.length > 2048 ? `${text.slice(0, 2048)}…` : text;
}

/** The call log (ring buffer) and the rid store behind /cgi-bin/openapi/rid/get (kept 7 days, bounded). */
export class CallLog {
  private readonly ring: (RawCall | undefined)[];
  private next = 0;
  private readonly rids = new Map<string, RawCall>();
  /** Counters that never wrap, unlike the ring: a test can count every call of a long run. */
  private readonly totals = new Map<string, CallTotal>();

  constructor(
    private readonly size: number,
    private readonly ridCapacity = 20000,
  ) {
    this.ring = new Array<RawCall | undefined>(Math.max(1, size));
  }

  add(call: RawCall, keepRid: boolean): void {
    this.count(call);
    this.ring[this.next] = call;
    this.next = (this.next + 1) % this.ring.length;
    if (!keepRid) return;
    this.rids.set(call.rid, call);
    if (this.rids.size > this.ridCapacity) {
      const oldest = this.rids.keys().next().value;
      if (oldest !== undefined) this.rids.delete(oldest);
    }
  }

  /** Totals per path and account, optionally for one path. */
  totalsFor(path: string | null): CallTotal[] {
    return [...this.totals.values()]
      .filter((t) => path === null || t.path === path)
      .map((t) => ({ ...t, errcodes: { ...t.errcodes } }));
  }

  private count(call: RawCall): void {
    const key = `${call.path}\u0000${call.account}`;
    let total = this.totals.get(key);
    if (total === undefined) {
      total = { path: call.path, account: call.account, calls: 0, ok: 0, errcodes: {} };
      this.totals.set(key, total);
    }
    total.calls++;
    if (call.errcode === 0) total.ok++;
    else total.errcodes[String(call.errcode)] = (total.errcodes[String(call.errcode)] ?? 0) + 1;
  }

  recent(limit: number): CallRecord[] {
    const ordered = [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)].filter(
      (c): c is RawCall => c !== undefined,
    );
    return ordered.slice(-limit).map((c) => ({
      at: new Date(c.atMs).toISOString(),
      method: c.method,
      path: c.path,
      ip: c.ip,
      errcode: c.errcode,
      rid: c.rid,
      ms: Math.round(c.ms * 100) / 100,
    }));
  }

  rid(rid: string, now: number): RidRecord | undefined {
    const call = this.rids.get(rid);
    if (call === undefined || now - call.atMs / 1000 > RID_SECONDS) return undefined;
    return {
      invoke_time: Math.floor(call.atMs / 1000),
      cost_in_ms: Math.round(call.ms),
      request_url: `${call.path.slice(1)}${call.search === '' ? '' : `?${redactQuery(call.search)}`}`,
      request_body: call.body.length > 2048 ? `<${call.body.length} bytes>` : call.body.toString('utf8'),
      response_body: clip(call.response),
      client_ip: call.ip,
      account: call.account,
    };
  }
}
