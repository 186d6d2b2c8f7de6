import { coded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';
import { redactText } from '../../platform/log/redact.js';

export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';
  readonly code = 'TOKEN_CIRCUIT_OPEN';
  readonly contractCode = 'wechat_error' as const;
  get reason(): Coded {
    return coded('token_circuit_open', { retryAt: new Date(this.retryAt).toISOString() });
  }
  constructor(
    readonly circuit: string,
    readonly retryAt: number,
    readonly lastError: string,
  ) {
    super(
      `${circuit}: token requests are paused after repeated failures, so a fault cannot burn the daily quota ` +
        `(45009). Last error: ${redactText(lastError)}. They resume at ${new Date(retryAt).toISOString()}; fix the ` +
        'cause (see the last error and Settings → Connection test) or reset the circuit from diagnosis.',
    );
  }
}

export type AuthorizerProblem = 'NEEDS_REAUTH' | 'REVOKED' | 'REFRESH_TOKEN_MISSING';

/** The merchant's authorization is not usable; retrying will not help until the merchant acts or we reconcile. */
export class AuthorizerUnavailableError extends Error {
  override readonly name = 'AuthorizerUnavailableError';
  readonly contractCode = 'invalid_argument' as const;
  get reason(): Coded {
    const code =
      this.problem === 'REFRESH_TOKEN_MISSING'
        ? 'refresh_token_missing'
        : this.problem === 'REVOKED'
          ? 'authorizer_revoked'
          : 'authorizer_needs_reauth';
    return coded(code, { appid: this.appid });
  }
  constructor(
    readonly appid: string,
    readonly problem: AuthorizerProblem,
    /** The stored status reason (see stored-text), for the log. */
    readonly statusReason: string,
  ) {
    super(
      problem === 'REFRESH_TOKEN_MISSING'
        ? `No refresh token is stored for ${appid} and api_get_authorizer_list did not return one: the merchant must authorize again (send a new invitation).`
        : `Mini-program ${appid} ${problem === 'REVOKED' ? 'has revoked the authorization' : 'needs to be authorized again'} (${statusReason}). Send the merchant a new invitation.`,
    );
  }
}

export class TicketUnavailableError extends Error {
  override readonly name = 'TicketUnavailableError';
  readonly code = 'TICKET_UNAVAILABLE';
  readonly contractCode = 'not_configured' as const;
  readonly reason: Coded;
  constructor(waitedMs: number) {
    super(
      `No fresh component_verify_ticket arrived within ${Math.round(waitedMs / 1000)} s of asking WeChat to push one ` +
        '(api_start_push_ticket). Check that the relay is online and that the authorization-event URL on the open ' +
        'platform points at it (Settings → Connection test).',
    );
    this.reason = coded('ticket_unavailable', { seconds: Math.round(waitedMs / 1000) });
  }
}
