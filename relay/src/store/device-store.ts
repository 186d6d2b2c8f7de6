import { createHash, randomBytes } from 'node:crypto';
import type { Database as Db } from 'better-sqlite3';
import type { WriteOp } from './write-ops.js';

export interface Device {
  id: number;
  name: string;
}

export interface DeviceInfo {
  name: string;
  createdAt: number;
  revokedAt: number | null;
  cursor: number;
  lastSeenAt: number | null;
}

export class DeviceError extends Error {}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const TOKEN_PREFIX = 'wxr_';

/** Only the SHA-256 of a token is stored; tokens carry 256 random bits, so a plain hash is enough. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export class DeviceStore {
  /** Acked cursors not yet written: acks are frequent, so they are flushed in batches. */
  private readonly dirty = new Map<number, number>();
  /** The highest ack seen per device in this process, written or not (one number per device). */
  private readonly acked = new Map<number, number>();

  /** `write` is the relay's single writer; reads and the CLI's add/revoke use `db` directly. */
  constructor(
    private readonly db: Db,
    private readonly write: (op: WriteOp) => Promise<number>,
  ) {}

  /** Creates a device and returns its token; the token is never stored or shown again. */
  add(name: string, now = Date.now()): string {
    if (!NAME.test(name)) {
      throw new DeviceError(
        'device name must be 1-64 letters, digits, dot, dash or underscore, starting with a letter or digit',
      );
    }
    if (this.db.prepare('SELECT 1 FROM devices WHERE name = ?').get(name) !== undefined) {
      throw new DeviceError(`a device named "${name}" already exists; pick another name (revoked names stay taken)`);
    }
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    this.db
      .prepare('INSERT INTO devices (name, token_hash, created_at) VALUES (?, ?, ?)')
      .run(name, hashToken(token), now);
    return token;
  }

  list(): DeviceInfo[] {
    const rows = this.db
      .prepare('SELECT id, name, created_at, revoked_at, cursor, last_seen_at FROM devices ORDER BY id')
      .all() as {
      id: number;
      name: string;
      created_at: number;
      revoked_at: number | null;
      cursor: number;
      last_seen_at: number | null;
    }[];
    return rows.map((r) => ({
      name: r.name,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
      cursor: Math.max(r.cursor, this.acked.get(r.id) ?? 0),
      lastSeenAt: r.last_seen_at,
    }));
  }

  revoke(name: string, now = Date.now()): boolean {
    return (
      this.db.prepare('UPDATE devices SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL').run(now, name)
        .changes === 1
    );
  }

  authenticate(token: string): Device | null {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 128) return null;
    const row = this.db
      .prepare('SELECT id, name FROM devices WHERE token_hash = ? AND revoked_at IS NULL')
      .get(hashToken(token)) as Device | undefined;
    return row ?? null;
  }

  isActive(id: number): boolean {
    return this.db.prepare('SELECT 1 FROM devices WHERE id = ? AND revoked_at IS NULL').get(id) !== undefined;
  }

  recordAck(id: number, seq: number): void {
    if (seq > (this.acked.get(id) ?? 0)) this.acked.set(id, seq);
    if (seq > (this.dirty.get(id) ?? 0)) this.dirty.set(id, seq);
  }

  touch(id: number, now = Date.now()): Promise<number> {
    return this.write({ name: 'touch', args: [now, id] });
  }

  /** Queues the acked cursors for the next commit; resolves once they are written. */
  flushAcks(): Promise<unknown> {
    const entries = [...this.dirty];
    this.dirty.clear();
    return Promise.all(entries.map(([id, seq]) => this.write({ name: 'ack', args: [seq, id] })));
  }

  /** The lowest acked seq over active devices, or null when no device is registered. */
  minActiveCursor(): number | null {
    const rows = this.db.prepare('SELECT id, cursor FROM devices WHERE revoked_at IS NULL').all() as {
      id: number;
      cursor: number;
    }[];
    if (rows.length === 0) return null;
    return Math.min(...rows.map((r) => Math.max(r.cursor, this.acked.get(r.id) ?? 0)));
  }

  /** Ids of revoked devices among `ids` (one query, for the sweep). */
  revokedAmong(ids: readonly number[]): Set<number> {
    if (ids.length === 0) return new Set();
    const rows = this.db
      .prepare(`SELECT id FROM devices WHERE revoked_at IS NOT NULL AND id IN (${ids.map(() => '?').join(',')})`)
      .pluck()
      .all(...ids) as number[];
    return new Set(rows);
  }
}
