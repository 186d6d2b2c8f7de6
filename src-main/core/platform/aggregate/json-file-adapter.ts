import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { atomicWrite } from '../fs/atomic-write.js';
import { CoalescingWriter } from '../fs/coalescing-writer.js';

/** What each aggregate file holds. */
export interface Envelope {
  version: number;
  data: unknown;
}

export class CorruptFileError extends Error {
  override readonly name = 'CorruptFileError';
}

/**
 * lowdb adapter: atomic writes (temp + fsync + rename) of the main file and then of its last-good copy. Reading
 * throws `CorruptFileError` for anything that is not an envelope; the caller decides about the backup.
 */
export class JsonFileAdapter implements Adapter<Envelope> {
  private readonly writer: CoalescingWriter<Envelope>;

  constructor(
    readonly file: string,
    readonly backupFile: string,
  ) {
    // Serialized when the write starts, not per update: a burst of updates costs one serialization.
    this.writer = new CoalescingWriter(async (envelope) => {
      const text = `${JSON.stringify(envelope, null, 1)}\n`;
      await atomicWrite(this.file, text, 0o600);
      await atomicWrite(this.backupFile, text, 0o600);
    });
  }

  async read(): Promise<Envelope | null> {
    return readEnvelope(this.file);
  }

  write(envelope: Envelope): Promise<void> {
    return this.writer.write(envelope);
  }
}

export async function readEnvelope(file: string): Promise<Envelope | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CorruptFileError(`${file} is not valid JSON`);
  }
  const env = parsed as Partial<Envelope> | null;
  if (typeof env !== 'object' || env === null || typeof env.version !== 'number' || !('data' in env)) {
    throw new CorruptFileError(`${file} is not a wxfleet store file`);
  }
  return { version: env.version, data: env.data };
}
