import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface RotatingFileOptions {
  dir: string;
  /** `wxfleet.log`; rotated copies are `wxfleet.1.log` (newest) … `wxfleet.<maxFiles - 1>.log`. */
  name: string;
  /** The current file is rotated once it reaches this size. */
  maxFileBytes: number;
  /** Files kept, the current one included; the oldest is deleted. */
  maxFiles: number;
}

/**
 * Where a pino logger writes: appended synchronously (a line written is in the file even if the process dies next),
 * rotated by size. Writes after `close` are dropped: late background work must not crash the shutdown.
 */
export interface RotatingFile {
  readonly path: string;
  write(text: string): void;
  close(): void;
}

/** Paths of the current file and its rotated copies, newest first. */
export function logFiles(options: Pick<RotatingFileOptions, 'dir' | 'name' | 'maxFiles'>): string[] {
  const base = options.name.replace(/\.log$/, '');
  return Array.from({ length: options.maxFiles }, (_, i) =>
    join(options.dir, i === 0 ? options.name : `${base}.${i}.log`),
  );
}

export function openRotatingFile(options: RotatingFileOptions): RotatingFile {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const files = logFiles(options);
  const current = files[0] as string;
  const open = (): number => openSync(current, 'a', 0o600);
  let fd = open();
  let size = fstatSync(fd).size;
  let closed = false;

  const rotate = (): void => {
    closeSync(fd);
    rmSync(files[files.length - 1] as string, { force: true });
    for (let i = files.length - 2; i >= 0; i--) {
      try {
        renameSync(files[i] as string, files[i + 1] as string);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    fd = open();
    size = 0;
  };

  return {
    path: current,
    write(text) {
      if (closed) return;
      const bytes = Buffer.from(text, 'utf8');
      if (size > 0 && size + bytes.length > options.maxFileBytes) rotate();
      writeSync(fd, bytes);
      size += bytes.length;
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}
