/**
 * A strict parser for WeChat's small `<xml>` documents. Values stay strings exactly as sent; element names land in
 * null-prototype objects, so `__proto__` is just a name. No DTDs, no entities beyond the five predefined ones and
 * character references, bounded size and depth — checked before any work is done.
 */
export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [name: string]: XmlValue;
}

export type XmlErrorCode = 'too_large' | 'doctype' | 'too_deep' | 'malformed';

export class XmlError extends Error {
  readonly code: XmlErrorCode;
  constructor(code: XmlErrorCode, message: string) {
    super(message);
    this.name = 'XmlError';
    this.code = code;
  }
}

export interface XmlParseOptions {
  /** Maximum input length in UTF-16 code units; default 64 KiB. */
  maxLength?: number;
  /** Maximum nesting below the root; default 4. */
  maxDepth?: number;
}

const DEFAULT_MAX_LENGTH = 64 * 1024;
const DEFAULT_MAX_DEPTH = 4;
const NAME = /[A-Za-z_][\w.-]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

interface Frame {
  name: string;
  children: XmlObject | null;
  text: string;
  sawCdata: boolean;
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new XmlError('malformed', 'bare & in text');
    if (ref.startsWith('#')) {
      const point = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff) || point === 0) {
        throw new XmlError('malformed', `invalid character reference ${whole}`);
      }
      return String.fromCodePoint(point);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) throw new XmlError('malformed', `unknown entity ${whole}`);
    return value;
  });
}

function addChild(parent: XmlObject, name: string, value: XmlValue): void {
  if (!Object.prototype.hasOwnProperty.call(parent, name)) {
    parent[name] = value;
    return;
  }
  const existing = parent[name]!;
  if (Array.isArray(existing)) existing.push(value);
  else parent[name] = [existing, value];
}

function valueOf(frame: Frame): XmlValue {
  if (frame.children !== null) {
    if (frame.text.trim() !== '') throw new XmlError('malformed', `<${frame.name}> mixes text and elements`);
    return frame.children;
  }
  return frame.text;
}

/** Parses `<xml>…</xml>` and returns the children of the root element. */
export function parseXml(input: string, options: XmlParseOptions = {}): XmlObject {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (input.length > maxLength) throw new XmlError('too_large', `document over ${maxLength} characters`);
  if (/<!DOCTYPE|<!ENTITY/i.test(input)) throw new XmlError('doctype', 'DOCTYPE and ENTITY declarations are refused');

  const stack: Frame[] = [];
  let root: XmlObject | undefined;
  let pos = 0;
  const readName = (): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(input);
    if (match === null) throw new XmlError('malformed', `expected an element name at ${pos}`);
    pos += match[0].length;
    return match[0];
  };
  const skipTo = (terminator: string): number => {
    const end = input.indexOf(terminator, pos);
    if (end < 0) throw new XmlError('malformed', `unterminated construct at ${pos}`);
    return end;
  };

  while (pos < input.length) {
    const lt = input.indexOf('<', pos);
    const textEnd = lt < 0 ? input.length : lt;
    if (textEnd > pos) {
      const text = input.slice(pos, textEnd);
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (text.trim() !== '') throw new XmlError('malformed', 'text outside the root element');
      } else if (!(top.sawCdata && text.trim() === '')) {
        top.text += decodeEntities(text);
      }
      pos = textEnd;
      continue;
    }
    if (input.startsWith('<![CDATA[', pos)) {
      const top = stack[stack.length - 1];
      if (top === undefined) throw new XmlError('malformed', 'CDATA outside the root element');
      pos += 9;
      const end = skipTo(']]>');
      // Whitespace that only surrounds CDATA sections is layout, not value.
      if (!top.sawCdata && top.text.trim() === '') top.text = '';
      top.text += input.slice(pos, end);
      top.sawCdata = true;
      pos = end + 3;
      continue;
    }
    if (input.startsWith('<!--', pos)) {
      pos = skipTo('-->') + 3;
      continue;
    }
    if (input.startsWith('<?', pos)) {
      if (root !== undefined || stack.length > 0) throw new XmlError('malformed', 'processing instruction inside');
      pos = skipTo('?>') + 2;
      continue;
    }
    if (input.startsWith('</', pos)) {
      pos += 2;
      const name = readName();
      if (input[pos] !== '>') throw new XmlError('malformed', `bad closing tag </${name}`);
      pos++;
      const frame = stack.pop();
      if (frame === undefined || frame.name !== name) throw new XmlError('malformed', `unexpected </${name}>`);
      const parent = stack[stack.length - 1];
      const value = valueOf(frame);
      if (parent === undefined) {
        if (typeof value === 'string' && value.trim() !== '') throw new XmlError('malformed', 'root holds only text');
        root = typeof value === 'string' ? Object.create(null) : (value as XmlObject);
      } else {
        if (parent.children === null) {
          if (parent.text.trim() !== '') throw new XmlError('malformed', `<${parent.name}> mixes text and elements`);
          parent.children = Object.create(null) as XmlObject;
        }
        addChild(parent.children, name, value);
      }
      continue;
    }
    pos++;
    if (root !== undefined) throw new XmlError('malformed', 'content after the root element');
    const name = readName();
    const close = skipTo('>');
    const selfClosing = input[close - 1] === '/';
    const attributes = input.slice(pos, selfClosing ? close - 1 : close);
    if (attributes.trim() !== '' && !/^\s/.test(attributes)) throw new XmlError('malformed', `bad tag <${name}`);
    pos = close + 1;
    if (stack.length === 0 && name !== 'xml') throw new XmlError('malformed', `root must be <xml>, not <${name}>`);
    if (stack.length > maxDepth) throw new XmlError('too_deep', `elements nested deeper than ${maxDepth}`);
    if (selfClosing) {
      const parent = stack[stack.length - 1];
      if (parent === undefined) root = Object.create(null) as XmlObject;
      else {
        parent.children ??= Object.create(null) as XmlObject;
        addChild(parent.children, name, '');
      }
      continue;
    }
    stack.push({ name, children: null, text: '', sawCdata: false });
  }
  if (stack.length > 0 || root === undefined) throw new XmlError('malformed', 'document ends before </xml>');
  return root;
}

/** A top-level or nested string value, or undefined when absent or not text. */
export function textOf(node: XmlObject, name: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(node, name)) return undefined;
  const value = node[name];
  return typeof value === 'string' ? value : undefined;
}

function escapeText(value: string): string {
  return value.includes(']]>') ? value.replaceAll(']]>', ']]]]><![CDATA[>') : value;
}

/** Builds a WeChat-style document: strings in CDATA, numbers bare, nested objects as elements. */
export function buildXml(fields: Record<string, string | number | Record<string, string | number>>): string {
  const render = (name: string, value: string | number | Record<string, string | number>): string => {
    if (typeof value === 'number') return `<${name}>${value}</${name}>`;
    if (typeof value === 'string') return `<${name}><![CDATA[${escapeText(value)}]]></${name}>`;
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => render(k, v))
      .join('')}</${name}>`;
  };
  return `<xml>${Object.entries(fields)
    .map(([k, v]) => render(k, v))
    .join('')}</xml>`;
}
