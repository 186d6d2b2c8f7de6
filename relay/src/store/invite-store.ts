import type { Database as Db } from 'better-sqlite3';

/** What a desktop sends in `{"type":"invite","invite":{…}}`; the relay only needs to know if it is still open. */
export interface Invite {
  id: string;
  /** Shown on the launch page, e.g. the merchant's name. */
  label?: string;
  revoked?: boolean;
  /** ISO time after which the launch page refuses the invite. */
  expiresAt?: string;
}

export type LaunchOutcome = 'url_shown' | 'no_desktop' | 'desktop_error' | 'closed';

export const INVITE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class InviteStore {
  constructor(private readonly db: Db) {}

  upsert(invite: Invite, now = Date.now()): void {
    this.db
      .prepare(
        'INSERT INTO invites (id, json, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at',
      )
      .run(invite.id, JSON.stringify(invite), now);
  }

  get(id: string): Invite | null {
    const row = this.db.prepare('SELECT json FROM invites WHERE id = ?').get(id) as { json: string } | undefined;
    return row === undefined ? null : (JSON.parse(row.json) as Invite);
  }

  recordAttempt(inviteId: string, outcome: LaunchOutcome, variant: 'pc' | 'mobile', now = Date.now()): void {
    this.db
      .prepare('INSERT INTO launch_attempts (invite_id, at, outcome, variant) VALUES (?, ?, ?, ?)')
      .run(inviteId, now, outcome, variant);
  }

  attempts(inviteId: string): { outcome: LaunchOutcome; variant: string; at: number }[] {
    return this.db
      .prepare('SELECT outcome, variant, at FROM launch_attempts WHERE invite_id = ? ORDER BY id')
      .all(inviteId) as { outcome: LaunchOutcome; variant: string; at: number }[];
  }
}

/** Validates an untrusted invite object from a device; returns null when it is not one. */
export function parseInvite(value: unknown): Invite | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['id'] !== 'string' || !INVITE_ID.test(v['id'])) return null;
  const invite: Invite = { id: v['id'] };
  if (typeof v['label'] === 'string') invite.label = v['label'].slice(0, 200);
  if (typeof v['revoked'] === 'boolean') invite.revoked = v['revoked'];
  if (typeof v['expiresAt'] === 'string' && !Number.isNaN(Date.parse(v['expiresAt'])))
    invite.expiresAt = v['expiresAt'];
  return invite;
}
