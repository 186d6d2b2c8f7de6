import pino from 'pino';
import type { DestinationStream, Logger, LevelWithSilent } from 'pino';

/** Drops query strings: WeChat URLs carry access tokens and the launch callback carries auth codes. */
export function redactUrl(url: string | undefined): string {
  if (url === undefined) return '';
  const at = url.indexOf('?');
  return at === -1 ? url : `${url.slice(0, at)}?[redacted]`;
}

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["proxy-authorization"]',
  'token',
  '*.token',
  'wechatToken',
  'wechatTokens',
  '*.wechatTokens',
  'secret',
  '*.secret',
];

export function createLogger(level: LevelWithSilent = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: { method?: string; url?: string; ip?: string }) => ({
          method: req.method,
          url: redactUrl(req.url),
          ip: req.ip,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
