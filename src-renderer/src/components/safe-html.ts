/** A strict allow-list over (already sanitized) rejection HTML: text and a few inert tags survive, nothing else. */
export type SafeNode = { kind: 'text'; text: string } | { kind: 'tag'; tag: AllowedTag; children: SafeNode[] };

const ALLOWED = ['p', 'br', 'b', 'strong', 'i', 'em', 'ul', 'ol', 'li', 'div', 'span'] as const;
export type AllowedTag = (typeof ALLOWED)[number];
const isAllowed = (tag: string): tag is AllowedTag => (ALLOWED as readonly string[]).includes(tag);

function walk(node: Node, depth: number): SafeNode[] {
  if (node.nodeType === Node.TEXT_NODE) return [{ kind: 'text', text: node.textContent ?? '' }];
  if (node.nodeType !== Node.ELEMENT_NODE || depth > 20) return [];
  const tag = (node as Element).tagName.toLowerCase();
  if (tag === 'script' || tag === 'style' || tag === 'template') return [];
  const children = [...node.childNodes].flatMap((child) => walk(child, depth + 1));
  // Unknown tags are dropped but their text is kept; attributes never cross.
  return isAllowed(tag) ? [{ kind: 'tag', tag, children }] : children;
}

/** DOMParser builds an inert document: nothing in it runs or loads. */
export function parseSafeHtml(html: string): SafeNode[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.body.childNodes].flatMap((node) => walk(node, 0));
}
