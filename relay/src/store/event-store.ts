import { createHash } from 'node:crypto';
import type { Database as Db, Statement } from 'better-sqlite3';
import type { CommitWorker } from './commit-worker.js';
import { GroupCommit } from './group-commit.js';
import type { Batch, BatchResult, CommitStats } from './group-commit.js';
import { PRUNE_CHUNK, WRITE_SQL } from './write-ops.js';
import type { WriteName, WriteOp } from './write-ops.js';

export type Channel = 'component' | 'app' | 'auth_callback';

export interface PushQuery {
  timestamp: string;
  nonce: string;
  msg_signature: string;
}

export interface NewEvent {
  channel: Channel;
  appid: string | null;
  query: PushQuery;
  body: string;
  /** Equal keys are stored once: a hash of the signed `<Encrypt>` for pushes. */
  dedupeKey: Buffer;
  receivedAt?: number;
}

export interface StoredEvent {
  seq: number;
  receivedAt: number;
  channel: Channel;
  appid: string | null;
  query: PushQuery;
  body: string;
}

export interface AppendResult {
  seq: number;
  duplicate: boolean;
}

type SqlArgs = (string | number | null)[];

interface EventRow {
  seq: number;
  received_at: number;
  channel: Channel;
  appid: string | null;
  timestamp: string;
  nonce: string;
  msg_signature: string;
  body: string;
}

export function dedupeKey(...parts: string[]): Buffer {
  return createHash('sha256').update(parts.join('\0')).digest();
}

/** The durable queue: appends are group-committed (group-commit.ts), reads are pages in seq order. */
export class EventStore {
  private readonly group: GroupCommit;
  private readonly listeners = new Set<(headSeq: number) => void>();
  private readonly insert: Statement<
    [number, string, string | null, string, string, string, string, Buffer],
    { seq: number }
  >;
  private readonly findByKey: Statement<[Buffer], { seq: number }>;
  private readonly pageStmt: Statement<[number, number], EventRow>;
  private readonly headStmt: Statement<[], { head: number | null }>;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      `INSERT INTO events (received_at, channel, appid, timestamp, nonce, msg_signature, body, dedupe_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
    );
    this.findByKey = db.prepare('SELECT seq FROM events WHERE dedupe_key = ?');
    this.pageStmt = db.prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    // sqlite_sequence keeps the highest seq ever issued, even after retention deleted every row.
    this.headStmt = db.prepare(
      `SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0),
                  COALESCE((SELECT MAX(seq) FROM events), 0)) AS head`,
    );
    const statements = new Map<WriteName, Statement<SqlArgs>>();
    for (const [name, sql] of Object.entries(WRITE_SQL)) statements.set(name as WriteName, db.prepare<SqlArgs>(sql));
    const commit = db.transaction((batch: Batch): BatchResult => ({
      changes: batch.ops.map((op) => statements.get(op.name)!.run(...op.args).changes),
      events: batch.events.map((e) => this.insertOne(e)),
    }));
    this.group = new GroupCommit(
      (batch) => commit.immediate(batch),
      (results) => this.notify(results),
    );
  }

  get stats(): CommitStats {
    return this.group.stats;
  }

  /** From now on appends are committed by the worker, off the event loop. */
  useWriter(writer: CommitWorker): void {
    this.group.useWriter(writer);
  }

  /** Resolves once no append is pending or being committed. */
  drain(): Promise<void> {
    return this.group.drain();
  }

  /** Settles after the event (or an earlier copy with the same dedupe key) is committed. */
  append(event: NewEvent): Promise<AppendResult> {
    return this.group.append(event.receivedAt === undefined ? { ...event, receivedAt: Date.now() } : event);
  }

  /** Any other write of the running relay goes through the same single writer; resolves with rows changed. */
  write(op: WriteOp): Promise<number> {
    return this.group.write(op);
  }

  /** Synchronous bulk insert in one transaction (tools, tests, benchmarks). */
  appendMany(events: readonly NewEvent[]): AppendResult[] {
    const results = this.db.transaction((list: readonly NewEvent[]) => list.map((e) => this.insertOne(e)))(events);
    this.notify(results);
    return results;
  }

  headSeq(): number {
    return this.headStmt.get()?.head ?? 0;
  }

  /** Up to `limit` events after `afterSeq`, in seq order. */
  page(afterSeq: number, limit: number): StoredEvent[] {
    return this.pageStmt.all(afterSeq, limit).map(toStoredEvent);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  }

  /**
   * Deletes events every active device has acked (seq ≤ minCursor), events older than maxAgeMs and callbacks older
   * than callbackMaxAgeMs, in chunks so pushes keep committing in between.
   */
  async prune(
    now: number,
    ages: { maxAgeMs: number; callbackMaxAgeMs: number },
    minCursor: number | null,
  ): Promise<number> {
    let deleted = 0;
    const chunked = async (op: WriteOp): Promise<void> => {
      for (;;) {
        const changes = await this.write(op);
        deleted += changes;
        if (changes < PRUNE_CHUNK) return;
      }
    };
    await chunked({ name: 'pruneEvents', args: [now - ages.maxAgeMs, minCursor ?? -1] });
    await chunked({ name: 'pruneCallbacks', args: [now - ages.callbackMaxAgeMs] });
    return deleted;
  }

  onCommit(listener: (headSeq: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private insertOne(event: NewEvent): AppendResult {
    const { channel, appid, query, body, dedupeKey: key } = event;
    // Look first: INSERT OR IGNORE would burn an AUTOINCREMENT value on every duplicate and leave gaps in seq.
    const existing = this.findByKey.get(key);
    if (existing !== undefined) return { seq: existing.seq, duplicate: true };
    const row = this.insert.get(
      event.receivedAt ?? Date.now(),
      channel,
      appid,
      query.timestamp,
      query.nonce,
      query.msg_signature,
      body,
      key,
    );
    if (row === undefined) throw new Error('insert returned no seq');
    return { seq: row.seq, duplicate: false };
  }

  /** New seqs are the highest ever issued, so the head is the largest seq just committed (no query per commit). */
  private notify(results: readonly AppendResult[]): void {
    let head = 0;
    for (const r of results) if (!r.duplicate && r.seq > head) head = r.seq;
    if (head === 0) return;
    for (const listener of this.listeners) listener(head);
  }
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    seq: row.seq,
    receivedAt: row.received_at,
    channel: row.channel,
    appid: row.appid,
    query: { timestamp: row.timestamp, nonce: row.nonce, msg_signature: row.msg_signature },
    body: row.body,
  };
}
