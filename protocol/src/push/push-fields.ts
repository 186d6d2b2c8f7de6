import { textOf } from '../xml/safe-xml.js';
import type { XmlObject } from '../xml/safe-xml.js';

/** A documented element is missing: the push is kept as `unknown`, never dropped. */
export class MissingField extends Error {}

export function required(fields: XmlObject, name: string): string {
  const value = textOf(fields, name);
  if (value === undefined) throw new MissingField(`missing <${name}>`);
  return value;
}

export const optional = (fields: XmlObject, name: string): string => textOf(fields, name) ?? '';

const squash = (name: string): string => name.toLowerCase().replaceAll('_', '');

/**
 * For layouts whose element casing is UNCONFIRMED (02 B15): `task_id`, `TaskId` and `taskid` all match. '' when
 * absent, so an unexpected layout still parses and the raw fields stay beside it.
 */
export function lenient(fields: XmlObject, name: string): string {
  const wanted = squash(name);
  for (const [key, value] of Object.entries(fields)) {
    if (squash(key) === wanted && typeof value === 'string') return value;
  }
  return '';
}

/** The `<info>` children of a registration result as sent (02 B5 has two layouts). */
export function flatInfo(fields: XmlObject): Record<string, string> {
  const info = fields['info'];
  const out: Record<string, string> = {};
  if (info === undefined || typeof info === 'string' || Array.isArray(info)) return out;
  for (const [name, value] of Object.entries(info)) if (typeof value === 'string') out[name] = value;
  return out;
}
