import { redactText, redactValue } from './redact.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface LogRecord {
  level: LogLevel;
  msg: string;
  fields?: LogFields;
}

export type LogSink = (record: LogRecord) => void;

/** Wraps a sink so that nothing reaches it unredacted: every service logs through one of these. */
export function createLogger(sink: LogSink): Logger {
  const emit = (level: LogLevel) => (msg: string, fields?: LogFields) => {
    const record: LogRecord = { level, msg: redactText(msg) };
    if (fields) record.fields = redactValue(fields) as LogFields;
    sink(record);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = createLogger(() => undefined);

/** Keeps records in memory (tests, diagnosis panel). */
export function memoryLogger(): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  return Object.assign(
    createLogger((r) => records.push(r)),
    { records },
  );
}
