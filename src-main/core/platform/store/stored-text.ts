import { coded, isCoded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';

/**
 * Texts the store keeps for the user (pause reasons, item errors, event summaries, status reasons, ledger details)
 * are saved as a JSON-encoded `Coded` in their string field, so the files keep their schema; text written before
 * codes existed reads back as `legacy_text`.
 */
export const storeCoded = (value: Coded): string => JSON.stringify(value);

export function readCoded(text: string): Coded {
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isCoded(parsed)) return parsed;
    } catch {
      // Not JSON: prose from before codes.
    }
  }
  return coded('legacy_text', { text });
}

export const readCodedOrNull = (text: string | null): Coded | null => (text === null ? null : readCoded(text));
