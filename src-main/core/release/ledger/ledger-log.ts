import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

export type Fsync = (handle: FileHandle) => Promise<void>;

export const fsyncHandle: Fsync = (handle) => handle.sync();

export interface AppendLogOptions<T> {
  /** Turns one batch into the text of a single write: whole lines, each ending in `\n`. */
  encode(batch: readonly T[]): string;
  /** Runs once the batch is fsynced, before any of its appends resolves. */
  onDurable?(batch: readonly T[]): void;
  /** Test seam: count or slow down fsyncs. */
  fsync?: Fsync;
}

export interface AppendLog<T> {
  /** Resolves once the item's line is fsynced. */
  append(item: T): Promise<void>;
}

/**
 * An `O_APPEND` file with group commit: items appended while a write+fsync is in flight go out together in the
 * next single write and fsync, so a durable append costs O(1) however big the file is. The file is opened per
 * batch (cheap next to the fsync) so that no handle outlives the work, whoever holds the log.
 */
export function appendLog<T>(file: string, options: AppendLogOptions<T>): AppendLog<T> {
  const fsync = options.fsync ?? fsyncHandle;
  let broken: Error | null = null;

  const writeBatch = async (batch: readonly T[]): Promise<void> => {
    if (broken) throw broken;
    const data = Buffer.from(options.encode(batch), 'utf8');
    const { handle, created } = await openForAppend(file);
    try {
      const size = (await handle.stat()).size;
      try {
        await handle.writeFile(data);
        await fsync(handle);
      } catch (err) {
        // Cut a partial batch off again so the next batch does not land behind a half line.
        await handle.truncate(size).catch((cause: unknown) => {
          broken = new Error(`ledger log ${file} is unusable after a failed write`, { cause });
        });
        throw err;
      }
    } finally {
      await handle.close();
    }
    if (created) await fsyncDir(dirname(file), fsync);
    options.onDurable?.(batch);
  };

  let queued: T[] = [];
  let next: Promise<void> | null = null;
  let running: Promise<void> = Promise.resolve();
  return {
    append(item) {
      queued.push(item);
      next ??= running.then(() => {
        const batch = queued;
        queued = [];
        next = null;
        return writeBatch(batch);
      });
      running = next.catch(() => undefined);
      return next;
    },
  };
}

async function openForAppend(file: string): Promise<{ handle: FileHandle; created: boolean }> {
  const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT;
  try {
    return { handle: await open(file, flags | constants.O_EXCL, 0o600), created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { handle: await open(file, flags, 0o600), created: false };
  }
}

/** Makes a new directory entry (created or renamed file) survive a power loss. */
export async function fsyncDir(dir: string, fsync: Fsync = fsyncHandle): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await fsync(handle);
  } catch {
    // Some filesystems refuse fsync on directories; nothing more can be done there.
  } finally {
    await handle.close();
  }
}
