import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Batch, BatchResult } from './group-commit.js';
import { WRITE_SQL } from './write-ops.js';

/*
 * The worker is plain CommonJS source evaluated in a worker thread, so it runs the same way from TypeScript sources
 * (tests), tsx and the esbuild bundle. It owns the only connection that appends events: the fsync of each commit
 * happens off the event loop while the main thread keeps reading requests for the next group commit.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlitePath);
const db = new Database(workerData.dbPath);
db.pragma('busy_timeout = 5000');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const mode = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
const sync = Number(db.pragma('synchronous', { simple: true }));
if (mode !== 'wal' || sync < 2) {
  parentPort.postMessage({ type: 'fatal', message: 'commit connection is journal_mode=' + mode + ' synchronous=' + sync });
} else {
  const find = db.prepare('SELECT seq FROM events WHERE dedupe_key = ?');
  const insert = db.prepare('INSERT INTO events (received_at, channel, appid, timestamp, nonce, msg_signature, body, dedupe_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq');
  const statements = {};
  for (const [name, sql] of Object.entries(workerData.writeSql)) statements[name] = db.prepare(sql);
  const commit = db.transaction((batch) => ({
    changes: batch.ops.map((op) => statements[op.name].run(...op.args).changes),
    events: batch.events.map((e) => {
      const key = Buffer.from(e.dedupeKey);
      const existing = find.get(key);
      if (existing !== undefined) return { seq: existing.seq, duplicate: true };
      const row = insert.get(e.receivedAt, e.channel, e.appid, e.query.timestamp, e.query.nonce, e.query.msg_signature, e.body, key);
      return { seq: row.seq, duplicate: false };
    }),
  }));
  parentPort.on('message', (message) => {
    if (message.type === 'close') { db.close(); parentPort.postMessage({ type: 'closed' }); return; }
    try {
      // IMMEDIATE: the write lock is taken before the de-duplication read, so the transaction never has to upgrade.
      parentPort.postMessage({ type: 'done', id: message.id, result: commit.immediate(message.batch) });
    } catch (error) {
      parentPort.postMessage({ type: 'failed', id: message.id, message: String(error && error.message || error) });
    }
  });
  parentPort.postMessage({ type: 'ready' });
}
`;

type WorkerReply =
  | { type: 'ready' | 'closed' }
  | { type: 'fatal'; message: string }
  | { type: 'done'; id: number; result: BatchResult }
  | { type: 'failed'; id: number; message: string };

interface Call {
  resolve: (result: BatchResult) => void;
  reject: (error: Error) => void;
}

export class CommitWorker {
  private readonly worker: Worker;
  private readonly calls = new Map<number, Call>();
  private nextId = 1;
  private dead: Error | undefined;
  private onClosed: (() => void) | undefined;

  private constructor(dbPath: string) {
    const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { dbPath, sqlitePath, writeSql: WRITE_SQL } });
  }

  /** Starts the worker and waits until its connection is open and asserted durable. */
  static async start(dbPath: string): Promise<CommitWorker> {
    const writer = new CommitWorker(dbPath);
    await new Promise<void>((resolve, reject) => {
      writer.worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'ready') resolve();
        else if (reply.type === 'fatal') reject(new Error(reply.message));
        else writer.onReply(reply);
      });
      writer.worker.on('error', (error) => {
        reject(error);
        writer.fail(error);
      });
      writer.worker.on('exit', () => writer.fail(new Error('commit worker exited')));
    });
    return writer;
  }

  commit(batch: Batch): Promise<BatchResult> {
    if (this.dead !== undefined) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'commit', id, batch });
    });
  }

  async close(): Promise<void> {
    if (this.dead !== undefined) return;
    await new Promise<void>((resolve) => {
      this.onClosed = resolve;
      this.worker.postMessage({ type: 'close' });
    });
    await this.worker.terminate();
  }

  private onReply(reply: WorkerReply): void {
    if (reply.type === 'closed') return this.onClosed?.();
    if (reply.type !== 'done' && reply.type !== 'failed') return;
    const call = this.calls.get(reply.id);
    this.calls.delete(reply.id);
    if (reply.type === 'done') call?.resolve(reply.result);
    else call?.reject(new Error(reply.message));
  }

  private fail(error: Error): void {
    this.dead ??= error;
    for (const call of this.calls.values()) call.reject(error);
    this.calls.clear();
    this.onClosed?.();
  }
}
