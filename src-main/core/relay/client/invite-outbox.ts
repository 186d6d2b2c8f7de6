import type { RelayInvite } from './types.js';
import { INVITE_ID, inviteFrame } from './wire.js';

export type FrameSender = (frame: string, done: (error?: Error) => void) => boolean;

/**
 * Invites waiting for a connection; the latest version of each id wins. Held in memory only: the owner of the
 * invitations re-sends the open ones after a restart.
 */
export class InviteOutbox {
  private readonly pending = new Map<string, RelayInvite>();

  add(invite: RelayInvite): void {
    if (!INVITE_ID.test(invite.id)) throw new RangeError('invite id must be 1-64 letters, digits, "_" or "-"');
    this.pending.set(invite.id, { ...invite });
  }

  get size(): number {
    return this.pending.size;
  }

  /** Sends everything it can; an invite whose send fails goes back unless a newer version replaced it. */
  flush(send: FrameSender): void {
    for (const [id, invite] of [...this.pending]) {
      const handed = send(inviteFrame(invite), (error) => {
        if (error !== undefined && !this.pending.has(id)) this.pending.set(id, invite);
      });
      if (!handed) return;
      if (this.pending.get(id) === invite) this.pending.delete(id);
    }
  }
}
