/**
 * The desktop's last authorization URL per invitation and link variant, for a short time and a bounded number of
 * invitations: repeated visits of one launch link (a merchant reloading, or a flood) are answered without asking the
 * desktop again, so the per-invitation limit only has to count real requests to the desktop.
 */
export class LaunchUrlCache {
  private readonly entries = new Map<string, { url: string; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(inviteId: string, variant: string, now = Date.now()): string | undefined {
    const key = `${inviteId} ${variant}`;
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (now - entry.at < this.ttlMs) return entry.url;
    this.entries.delete(key);
    return undefined;
  }

  set(inviteId: string, variant: string, url: string, now = Date.now()): void {
    const key = `${inviteId} ${variant}`;
    this.entries.delete(key);
    this.entries.set(key, { url, at: now });
    // Maps iterate in insertion order: the first key is the oldest.
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
