/**
 * Every write the running relay makes besides appending events, as named statements. They go through the single
 * writer (group-commit.ts) in the same IMMEDIATE transactions as the pushes, so no write on another connection can
 * take the lock between a commit's de-duplication read and its insert.
 */
export const WRITE_SQL = {
  ack: 'UPDATE devices SET cursor = MAX(cursor, ?) WHERE id = ?',
  touch: 'UPDATE devices SET last_seen_at = ? WHERE id = ?',
  invite:
    'INSERT INTO invites (id, json, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at',
  attempt: 'INSERT INTO launch_attempts (invite_id, at, outcome, variant) VALUES (?, ?, ?, ?)',
  /** (olderThan, minCursor) — minCursor -1 when no device holds anything back. */
  pruneEvents: `DELETE FROM events WHERE seq IN (
     SELECT seq FROM events WHERE received_at < ? OR seq <= ? ORDER BY seq LIMIT 5000)`,
  /** (olderThan) — callbacks carry auth codes valid for minutes; they need not wait for the 30-day rule. */
  pruneCallbacks: `DELETE FROM events WHERE seq IN (
     SELECT seq FROM events WHERE channel = 'auth_callback' AND received_at < ? ORDER BY seq LIMIT 5000)`,
  /** (olderThan) */
  pruneAttempts: 'DELETE FROM launch_attempts WHERE id IN (SELECT id FROM launch_attempts WHERE at < ? LIMIT 5000)',
} as const;

export const PRUNE_CHUNK = 5000;

export type WriteName = keyof typeof WRITE_SQL;
export type SqlArg = string | number | null;

export interface WriteOp {
  name: WriteName;
  args: SqlArg[];
}
