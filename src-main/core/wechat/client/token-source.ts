import { isTokenError } from './wechat-error.js';

/** Where the client gets tokens; implemented by the token managers. */
export interface TokenSource {
  componentToken(): Promise<string>;
  /** Drops `failed` if it is still the cached component token (a newer one is kept). */
  componentTokenFailed(failed: string): void;
  authorizerToken(appid: string): Promise<string>;
  authorizerTokenFailed(appid: string, failed: string): void;
}

/**
 * Runs `fn` with a token; on 40001/40014/42001/42006 reports that exact token as failed, takes the current one and
 * retries once. A second token error is the caller's.
 */
export async function withTokenRetry<T>(
  get: () => Promise<string>,
  failed: (token: string) => void,
  fn: (token: string) => Promise<T>,
): Promise<T> {
  const token = await get();
  try {
    return await fn(token);
  } catch (err) {
    if (!isTokenError(err)) throw err;
    failed(token);
    return fn(await get());
  }
}
