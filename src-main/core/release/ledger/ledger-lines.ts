import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Logger } from '../../platform/log/logger.js';
import type { StoredEntry } from './ledger-month.js';
import { storedEntrySchema } from './ledger-month.js';

/** One line of a month log: an entry, or an ext_json text written once, before the first entry that names it. */
export type LedgerLine = { type: 'entry'; entry: StoredEntry } | { type: 'ext_json'; hash: string; text: string };

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const encodeLine = (line: LedgerLine): string => `${JSON.stringify(line)}\n`;

export function decodeLine(text: string): LedgerLine | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (typeof value !== 'object' || value === null) return 'not an object';
  const line = value as Partial<Record<'type' | 'entry' | 'hash' | 'text', unknown>>;
  if (line.type === 'entry') {
    const problems = storedEntrySchema.check(line.entry, 'entry');
    return problems.length > 0 ? problems.slice(0, 3).join('; ') : { type: 'entry', entry: line.entry as StoredEntry };
  }
  if (line.type === 'ext_json' && typeof line.hash === 'string' && typeof line.text === 'string') {
    return sha256(line.text) === line.hash ? { type: 'ext_json', hash: line.hash, text: line.text } : 'hash mismatch';
  }
  return 'unknown line type';
}

const CHUNK = 1 << 20;

/**
 * Reads a month log line by line, in chunks of 1 MiB, handing each line to `apply`: a million-entry log is never
 * in memory as a whole, as a string or as an array of lines. A last line without its newline is what a crash
 * mid-write leaves: it was never acknowledged, so it is cut off the file. Any other unreadable line is skipped and
 * reported.
 */
export async function readLog(file: string, logger: Logger, apply: (line: LedgerLine) => void): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    let buf = Buffer.alloc(CHUNK);
    let held = 0; // bytes at the start of `buf` that belong to a line not yet complete
    let offset = 0; // file position of buf[0]
    let lineNo = 0;
    for (;;) {
      if (held === buf.length) buf = Buffer.concat([buf, Buffer.alloc(buf.length)]); // a line longer than the buffer
      const { bytesRead } = await handle.read(buf, held, buf.length - held, offset + held);
      if (bytesRead === 0) break;
      const filled = held + bytesRead;
      let start = 0;
      for (
        let end = buf.indexOf(10, start);
        end !== -1 && end < filled;
        start = end + 1, end = buf.indexOf(10, start)
      ) {
        lineNo++;
        if (end === start) continue;
        const decoded = decodeLine(buf.toString('utf8', start, end));
        if (typeof decoded === 'string')
          logger.warn('ledger: skipped a corrupt line', { file, line: lineNo, reason: decoded });
        else apply(decoded);
      }
      buf.copy(buf, 0, start, filled);
      held = filled - start;
      offset += start;
    }
    if (held > 0) {
      logger.warn('ledger: cut off a torn last line', { file, line: lineNo + 1, bytes: held });
      await handle.truncate(offset);
      await handle.sync();
    }
  } finally {
    await handle.close();
  }
}
