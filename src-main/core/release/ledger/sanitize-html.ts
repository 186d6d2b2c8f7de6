const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };
const BR = /<br\s*\/?>/gi;

function escapeText(text: string): string {
  const decoded = text.replace(
    /&(lt|gt|amp|quot|#39|apos|nbsp);/gi,
    (m, name: string) => ENTITIES[name.toLowerCase()] ?? m,
  );
  return decoded.replace(/[<>&"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Allow-list sanitizer for WeChat's audit reasons (HTML fragments): text and bare `<br>` survive, every other tag,
 * attribute or entity-encoded markup is escaped, so the result is inert wherever it is rendered as HTML.
 */
export function sanitizeReason(html: string): string {
  return html.replace(/\r\n?/g, '\n').split(BR).map(escapeText).join('<br>');
}

const TEXT_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };

/** The plain text of a sanitized reason: `<br>` as a line break, entities decoded (for text, never for HTML). */
export function reasonText(sanitized: string): string {
  return sanitized.replace(BR, '\n').replace(/&(lt|gt|amp|quot|#39);/g, (m, name: string) => TEXT_ENTITIES[name] ?? m);
}
