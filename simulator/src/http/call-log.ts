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

  constructor(
    private readonly size: number,
    private readonly ridCapacity = 20000,
  ) {
    this.ring = new Array<RawCall | undefined>(Math.max(1, size));
  }

  add(call: RawCall, keepRid: boolean): void {
    this.ring[this.next] = call;
    this.next = (this.next + 1) % this.ring.length;
    if (!keepRid) return;
    this.rids.set(call.rid, call);
    if (this.rids.size > this.ridCapacity) {
      const oldest = this.rids.keys().next().value;
      if (oldest !== undefined) this.rids.delete(oldest);
    }
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
