import { decodeFrame, eventKind } from './push-decoder.js';
import { RefusedPushError } from './refused-push.js';
import type {
  AppliedEvent,
  CryptProvider,
  CursorStore,
  DedupeStore,
  InvalidReason,
  PushCrypt,
  RawPush,
  RejectedEvent,
  RelayLogger,
} from './types.js';
import type { PushFrame } from './wire.js';

/** The platform Token/EncodingAESKey are not configured: the push stays on the relay until they are. */
export class CredentialsMissingError extends Error {
  constructor() {
    super('no WxCrypt configured: platform Token and EncodingAESKey are not set');
    this.name = 'CredentialsMissingError';
  }
}

export interface PushHandlerDeps {
  crypt: PushCrypt | CryptProvider;
  cursorStore: CursorStore;
  dedupe: DedupeStore;
  apply: (event: AppliedEvent) => Promise<void>;
  reject: (event: RejectedEvent) => Promise<void>;
  logger: RelayLogger;
  /** After an `apply` failed this many times for one seq, it is recorded as `apply_failed` and passed. */
  maxApplyAttempts: number;
  /** Called after the cursor is durable. */
  onPersisted: (frame: PushFrame) => void;
}

export type Outcome = 'applied' | 'duplicate' | 'rejected';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/**
 * One push, start to durable: decode, de-duplicate, apply, remember, then persist the cursor. Throws when the push
 * must be delivered again (credentials missing, `apply` or a store failing); the cursor then has not moved.
 */
export class PushHandler {
  private readonly failures = new Map<number, number>();

  constructor(private readonly deps: PushHandlerDeps) {}

  async handle(frame: PushFrame): Promise<Outcome> {
    const outcome = await this.process(frame);
    await this.deps.cursorStore.save(frame.seq);
    this.failures.delete(frame.seq);
    this.deps.onPersisted(frame);
    return outcome;
  }

  private async process(frame: PushFrame): Promise<Outcome> {
    const { logger } = this.deps;
    const decoded = decodeFrame(frame, await this.currentCrypt(frame));
    if (decoded === 'needs_crypt') throw new CredentialsMissingError();
    if (!decoded.ok) return this.refuse(frame, decoded.reason, decoded.detail);
    const { event } = decoded;
    const fields = { seq: frame.seq, kind: eventKind(event), identity: event.identity };
    if (await this.deps.dedupe.seen(event.identity)) {
      logger.info('relay push is a duplicate; not applied again', fields);
      return 'duplicate';
    }
    try {
      await this.deps.apply(event);
    } catch (error) {
      if (error instanceof RefusedPushError) return this.refuse(frame, error.reason, error.detail);
      const attempts = (this.failures.get(frame.seq) ?? 0) + 1;
      this.failures.set(frame.seq, attempts);
      if (attempts < this.deps.maxApplyAttempts) throw error;
      logger.error('relay push failed to apply too often; recorded and passed', {
        ...fields,
        attempts,
        error: message(error),
      });
      await this.deps.reject({
        kind: 'apply_failed',
        seq: frame.seq,
        attempts,
        detail: message(error),
        raw: rawOf(frame),
      });
      return 'rejected';
    }
    await this.deps.dedupe.remember(event.identity);
    logger.info('relay push applied', fields);
    return 'applied';
  }

  private async refuse(frame: PushFrame, reason: InvalidReason, detail: string): Promise<Outcome> {
    this.deps.logger.warn('relay push rejected', { seq: frame.seq, channel: frame.channel, reason, detail });
    await this.deps.reject({ kind: 'invalid', seq: frame.seq, reason, detail, raw: rawOf(frame) });
    return 'rejected';
  }

  private async currentCrypt(frame: PushFrame): Promise<PushCrypt | null> {
    if (frame.channel !== 'component' && frame.channel !== 'app') return null;
    const { crypt } = this.deps;
    return typeof crypt === 'function' ? await crypt() : crypt;
  }
}

function rawOf(frame: PushFrame): RawPush {
  const { problem: _problem, ...raw } = frame;
  return raw;
}
