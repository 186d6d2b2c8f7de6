import type { Database as Db } from 'better-sqlite3';
import type { WireInvite } from '@wxfleet/protocol';
import type { WriteOp } from './write-ops.js';

/** What a desktop sends in `{"type":"invite","invite":{…}}` (validated by the wire schema). */
export type Invite = WireInvite;

export type LaunchOutcome = 'url_shown' | 'no_desktop' | 'desktop_error' | 'closed' | 'rate_limited';

export class InviteStore {
  /** Upserts not yet committed, so the launch page sees an invitation the moment the desktop sent it. */
  private readonly unwritten = new Map<string, Invite>();

  constructor(
    private readonly db: Db,
    private readonly write: (op: WriteOp) => Promise<number>,
  ) {}

  upsert(invite: Invite, now = Date.now()): Promise<unknown> {
    this.unwritten.set(invite.id, invite);
    return this.write({ name: 'invite', args: [invite.id, JSON.stringify(invite), now] }).finally(() => {
      if (this.unwritten.get(invite.id) === invite) this.unwritten.delete(invite.id);
    });
  }

  get(id: string): Invite | null {
    const pending = this.unwritten.get(id);
    if (pending !== undefined) return pending;
    const row = this.db.prepare('SELECT json FROM invites WHERE id = ?').get(id) as { json: string } | undefined;
    return row === undefined ? null : (JSON.parse(row.json) as Invite);
  }

  /** Open: known to the relay, not revoked, not expired. Unknown invitations are not open. */
  isOpen(id: string, now = Date.now()): boolean {
    const invite = this.get(id);
    return (
      invite !== null &&
      invite.revoked !== true &&
      !(invite.expiresAt !== undefined && Date.parse(invite.expiresAt) < now)
    );
  }

  recordAttempt(
    inviteId: string,
    outcome: LaunchOutcome,
    variant: 'pc' | 'mobile',
    now = Date.now(),
  ): Promise<unknown> {
    return this.write({ name: 'attempt', args: [inviteId, now, outcome, variant] });
  }

  attempts(inviteId: string): { outcome: LaunchOutcome; variant: string; at: number }[] {
    return this.db
      .prepare('SELECT outcome, variant, at FROM launch_attempts WHERE invite_id = ? ORDER BY id')
      .all(inviteId) as { outcome: LaunchOutcome; variant: string; at: number }[];
  }

  /** Deletes launch attempts older than `olderThan`, in chunks. */
  async pruneAttempts(olderThan: number): Promise<number> {
    let deleted = 0;
    for (;;) {
      const changes = await this.write({ name: 'pruneAttempts', args: [olderThan] });
      deleted += changes;
      if (changes < 5000) return deleted;
    }
  }
}
