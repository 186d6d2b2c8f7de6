import { randomToken } from '../ids.js';
import { screenshotJpeg } from '../images.js';

export interface MediaItem {
  owner: string;
  type: 'image' | 'video';
  contentType: string;
  data: Buffer;
  expiresAt: number | null;
}

/** Media ids: audit screenshots (get_material) and uploadmedia files (valid 3 days, 05 E20). */
export class MediaStore {
  private readonly items = new Map<string, MediaItem>();

  screenshot(owner: string): string {
    const id = randomToken(48);
    this.items.set(id, { owner, type: 'image', contentType: 'image/jpeg', data: screenshotJpeg(id), expiresAt: null });
    return id;
  }

  upload(owner: string, item: Omit<MediaItem, 'owner'>): string {
    const id = randomToken(48);
    this.items.set(id, { ...item, owner });
    return id;
  }

  get(id: string, owner: string, now: number): MediaItem | undefined {
    const item = this.items.get(id);
    if (item === undefined || item.owner !== owner) return undefined;
    if (item.expiresAt !== null && now >= item.expiresAt) return undefined;
    return item;
  }
}
