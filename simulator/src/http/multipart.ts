import type { RouteContext } from './route.js';

export interface Part {
  /** Set for file parts. */
  filename: string | undefined;
  data: Buffer;
}

/** The parts of a multipart/form-data body by field name; empty when the body is not multipart. */
export function multipartParts(ctx: RouteContext): Map<string, Part> {
  const parts = new Map<string, Part>();
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(ctx.contentType);
  if (!ctx.contentType.toLowerCase().startsWith('multipart/form-data') || boundary === null) return parts;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = ctx.raw.indexOf(delimiter);
  while (start >= 0) {
    const next = ctx.raw.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = ctx.raw.subarray(start + delimiter.length, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined && !parts.has(name))
        parts.set(name, {
          filename: /filename="([^"]*)"/i.exec(headers)?.[1],
          data: part.subarray(headerEnd + 4, part.length - 2),
        });
    }
    start = next;
  }
  return parts;
}

/** What an uploaded file is, from its first bytes. */
export function sniff(data: Buffer): { type: 'image' | 'video'; contentType: string } | undefined {
  if (data[0] === 0xff && data[1] === 0xd8) return { type: 'image', contentType: 'image/jpeg' };
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { type: 'image', contentType: 'image/png' };
  if (data.subarray(0, 3).toString('latin1') === 'GIF') return { type: 'image', contentType: 'image/gif' };
  if (data.subarray(4, 8).toString('latin1') === 'ftyp') return { type: 'video', contentType: 'video/mp4' };
  return undefined;
}
