import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';

export class DurabilityError extends Error {}

const SCHEMA_VERSION = 1;

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     received_at INTEGER NOT NULL,
     channel TEXT NOT NULL,
     appid TEXT,
     timestamp TEXT NOT NULL,
     nonce TEXT NOT NULL,
     msg_signature TEXT NOT NULL,
     body TEXT NOT NULL,
     dedupe_key BLOB NOT NULL UNIQUE
   );
   CREATE INDEX events_received_at ON events(received_at);
   CREATE TABLE devices (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL UNIQUE,
     token_hash BLOB NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     revoked_at INTEGER,
     cursor INTEGER NOT NULL DEFAULT 0,
     last_seen_at INTEGER
   );
   CREATE TABLE invites (
     id TEXT PRIMARY KEY,
     json TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE launch_attempts (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     invite_id TEXT NOT NULL,
     at INTEGER NOT NULL,
     outcome TEXT NOT NULL,
     variant TEXT NOT NULL
   );`,
];

export interface OpenOptions {
  /** How long a write waits for another process (the CLI) to release the lock. */
  busyTimeoutMs?: number;
}

/**
 * Opens `relay.db` in dataDir, migrates it and asserts journal_mode=WAL and synchronous=FULL by reading both back:
 * `success` is only sent after a commit, which is only durable with these two settings.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  const path = join(dataDir, 'relay.db');
  privateFile(dataDir, path);
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 2000}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    assertDurable(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function readPragmas(db: Db): { journalMode: string; synchronous: number } {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })).toLowerCase(),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
  };
}

function assertDurable(db: Db): void {
  const { journalMode, synchronous } = readPragmas(db);
  // synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA (EXTRA is at least as durable).
  if (journalMode !== 'wal' || synchronous < 2) {
    throw new DurabilityError(
      `database is journal_mode=${journalMode} synchronous=${synchronous}; need wal and FULL (2)`,
    );
  }
}

function migrate(db: Db): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > SCHEMA_VERSION)
    throw new Error(`database schema ${current} is newer than this relay (${SCHEMA_VERSION})`);
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/**
 * The database holds callback query strings and device-token hashes: the directory is 0700 and relay.db 0600
 * before SQLite opens it (SQLite gives -wal and -shm the database file's mode).
 */
function privateFile(dataDir: string, path: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
  for (const suffix of ['-wal', '-shm']) {
    try {
      chmodSync(path + suffix, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
