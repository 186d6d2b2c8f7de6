import pino from 'pino';
import type { LogLevel, LogSink } from './logger.js';
import type { RotatingFile } from './rotating-file.js';
import { openRotatingFile } from './rotating-file.js';

export interface ProfileLogOptions {
  /** `<profile>/logs` */
  dir: string;
  level: LogLevel;
  maxFileBytes: number;
  maxFiles: number;
}

export interface ProfileLog {
  /** For `createLogger`, which redacts every record before it reaches the sink. */
  sink: LogSink;
  readonly path: string;
  close(): void;
}

export const LOG_FILE_NAME = 'wxfleet.log';

/** The profile's log: pino JSON lines (time, level, msg, fields) into size-capped rotating files. */
export function openProfileLog(options: ProfileLogOptions): ProfileLog {
  const file: RotatingFile = openRotatingFile({
    dir: options.dir,
    name: LOG_FILE_NAME,
    maxFileBytes: options.maxFileBytes,
    maxFiles: options.maxFiles,
  });
  const logger = pino(
    {
      level: options.level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (line: string) => file.write(line) },
  );
  return {
    sink: (record) => logger[record.level](record.fields ?? {}, record.msg),
    path: file.path,
    close: () => file.close(),
  };
}
