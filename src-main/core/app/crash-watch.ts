import type { EmitEvent } from '../../contract/handlers.js';
import type { Logger } from '../platform/log/logger.js';
import { coded } from '../../contract/codes.js';

type CrashEvent = 'unhandledRejection' | 'uncaughtException';

/** The slice of `process` the watch needs (a test passes an EventEmitter). */
export interface CrashSource {
  on(event: CrashEvent, listener: (error: unknown) => void): unknown;
  off(event: CrashEvent, listener: (error: unknown) => void): unknown;
}

/**
 * A failure nothing caught is logged with its stack and shown to the user (`app:error`) instead of ending the
 * process: the desktop keeps the vault, the store and the relay link consistent on its own, and a user who is told
 * can restart deliberately. Returns the function that stops watching.
 */
export function watchCrashes(source: CrashSource, logger: Logger, emit: EmitEvent): () => void {
  const report = (kind: CrashEvent) => (error: unknown) => {
    const stack = error instanceof Error ? error.stack : undefined;
    logger.error(kind === 'unhandledRejection' ? 'unhandled rejection' : 'uncaught exception', { error, stack });
    // The text stays in the log: the window is told that something failed and where to look.
    emit('app:error', { code: 'internal', reason: coded('internal_failure') });
  };
  const rejection = report('unhandledRejection');
  const exception = report('uncaughtException');
  source.on('unhandledRejection', rejection);
  source.on('uncaughtException', exception);
  return () => {
    source.off('unhandledRejection', rejection);
    source.off('uncaughtException', exception);
  };
}
