/**
 * Finds English prose in text meant to be Chinese: three or more English words in a row. Identifiers (with `_`,
 * digits, dots or slashes), URLs and commands (`npm run demo`) stay allowed — they are not sentences.
 */
const ALLOWED = ['wxfleet-relay device add NAME', 'npm run demo'];

export function englishSentences(text: string): string[] {
  let cleaned = text;
  for (const phrase of ALLOWED) cleaned = cleaned.split(phrase).join(' ');
  cleaned = cleaned
    .replace(/https?:\/\/\S+/g, ' ')
    // Commands the user types are not prose.
    .replace(/\bnpm run [\w:-]+(?: -- [\w-]+)*/g, ' ')
    .replace(/\{[A-Za-z]+\}/g, ' ')
    .replace(/[A-Za-z0-9-]*[_\d./][A-Za-z0-9_./-]*/g, ' ');
  return cleaned.match(/[A-Za-z][A-Za-z'’-]*(?:[ \t]+[A-Za-z][A-Za-z'’-]*){2,}/g) ?? [];
}

/** Every string in a nested message table, with its key path. */
export function messageStrings(table: unknown, path = ''): Array<[string, string]> {
  if (typeof table === 'string') return [[path, table]];
  if (typeof table !== 'object' || table === null) return [];
  return Object.entries(table).flatMap(([key, value]) => messageStrings(value, path ? `${path}.${key}` : key));
}
