import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { authorizationUrlValueSchema, INVITE_ID } from '@wxfleet/protocol';
import type { RateLimitSettings } from '../settings.js';
import { dedupeKey } from '../store/event-store.js';
import type { EventStore } from '../store/event-store.js';
import type { InviteStore, LaunchOutcome } from '../store/invite-store.js';
import { LaunchUrlCache } from './launch-url-cache.js';
import { FixedWindowLimiter } from './rate-limit.js';
import { RpcError } from '../ws/hub.js';
import type { Hub } from '../ws/hub.js';
import { authorizeLinkPage, messagePage } from './launch-page.js';
import type { Variant } from './launch-page.js';

export interface AuthorizeOptions {
  hub: Hub;
  events: EventStore;
  invites: InviteStore;
  rateLimit: RateLimitSettings;
}

const MOBILE_UA = /MicroMessenger|Mobile|Android|iPhone|iPad/i;
const AUTH_CODE = /^[A-Za-z0-9@._~-]{1,512}$/;

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  // WeChat checks where the click came from: the page must send its origin as Referer, never no-referrer.
  return reply
    .code(status)
    .header('Referrer-Policy', 'strict-origin-when-cross-origin')
    .header('Cache-Control', 'no-store')
    .header('X-Frame-Options', 'DENY')
    .header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'",
    )
    .type('text/html; charset=utf-8')
    .send(body);
}

function authorizationUrlOf(value: unknown): string | null {
  const parsedValue = authorizationUrlValueSchema.safeParse(value);
  if (!parsedValue.success) return null;
  const url = parsedValue.data;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** GET /authorize/:inviteId (the launch page on the registered domain) and /authorize/:inviteId/done (the redirect). */
export const authorizeRoutes: FastifyPluginAsync<AuthorizeOptions> = async (
  app,
  { hub, events, invites, rateLimit },
) => {
  const perIp = new FixedWindowLimiter(rateLimit.slots, rateLimit.perIp, rateLimit.windowMs);
  const perInvite = new FixedWindowLimiter(rateLimit.slots, rateLimit.perInvite, rateLimit.windowMs);

  const urls = new LaunchUrlCache(rateLimit.urlCacheMs, rateLimit.urlCacheEntries);
  /** Concurrent visits of one link share the one question to the desktop. */
  const asking = new Map<string, Promise<unknown>>();
  function askDesktop(inviteId: string, variant: Variant): Promise<unknown> {
    const key = `${inviteId} ${variant}`;
    let answer = asking.get(key);
    if (answer === undefined) {
      answer = hub.rpc('authorizationUrl', { inviteId, variant }).finally(() => asking.delete(key));
      asking.set(key, answer);
    }
    return answer;
  }

  /**
   * Counts the request against its IP (when `ip`) and its invitation (when `inviteId`); answers 429 and returns true
   * when over either.
   */
  function limited(request: FastifyRequest, reply: FastifyReply, ip: boolean, inviteId: string | null): boolean {
    if ((!ip || perIp.take(request.ip)) && (inviteId === null || perInvite.take(inviteId))) return false;
    void html(
      reply.header('Retry-After', String(perIp.retryAfterSeconds())),
      429,
      messagePage(
        '访问过于频繁',
        '请求太多，请一分钟后再打开本链接。',
        'Too many requests; open this link again in a minute.',
      ),
    );
    return true;
  }

  function recordAttempt(request: FastifyRequest, inviteId: string, outcome: LaunchOutcome, variant: Variant): void {
    invites.recordAttempt(inviteId, outcome, variant).catch((error: unknown) => {
      request.log.error({ err: error }, 'launch attempt not recorded');
    });
  }

  app.get<{ Params: { inviteId: string }; Querystring: { variant?: string } }>(
    '/authorize/:inviteId',
    async (request, reply) => {
      const { inviteId } = request.params;
      if (!INVITE_ID.test(inviteId))
        return html(reply, 404, messagePage('链接无效', '这个授权链接无效。', 'This authorization link is not valid.'));
      if (limited(request, reply, true, null)) return reply;
      const asked = request.query.variant;
      const variant: Variant =
        asked === 'pc' || asked === 'mobile'
          ? asked
          : MOBILE_UA.test(request.headers['user-agent'] ?? '')
            ? 'mobile'
            : 'pc';
      const record = (outcome: LaunchOutcome): void => recordAttempt(request, inviteId, outcome, variant);
      const invite = invites.get(inviteId);
      if (
        invite !== null &&
        (invite.revoked === true || (invite.expiresAt !== undefined && Date.parse(invite.expiresAt) < Date.now()))
      ) {
        record('closed');
        return html(
          reply,
          410,
          messagePage(
            '邀请已失效',
            '这个授权邀请已撤销或过期，请联系服务商获取新链接。',
            'This invitation was revoked or has expired; ask your service provider for a new link.',
          ),
        );
      }
      const cached = urls.get(inviteId, variant);
      if (cached !== undefined) {
        record('url_shown');
        return html(reply, 200, authorizeLinkPage(cached, variant, invite?.label));
      }
      // Only visits that would ask the desktop count against the invitation's limit.
      if (!asking.has(`${inviteId} ${variant}`) && limited(request, reply, false, inviteId)) return reply;
      try {
        const url = authorizationUrlOf(await askDesktop(inviteId, variant));
        if (url === null) throw new RpcError('bad_value', 'desktop answered without a usable URL');
        urls.set(inviteId, variant, url);
        record('url_shown');
        return html(reply, 200, authorizeLinkPage(url, variant, invite?.label));
      } catch (error) {
        const code = error instanceof RpcError ? error.code : 'error';
        request.log.warn({ inviteId, code }, 'launch page without authorization URL');
        if (code === 'no_desktop') {
          record('no_desktop');
          return html(
            reply,
            503,
            messagePage(
              '服务商暂时不在线',
              '服务商的管理端目前不在线，无法生成授权链接。我们已记录本次访问，请稍后再试。',
              'Your service provider’s console is offline, so no authorization link can be made right now. This visit was recorded; please try again later.',
            ),
          );
        }
        record('desktop_error');
        return html(
          reply,
          502,
          messagePage(
            '暂时无法授权',
            '生成授权链接失败，请稍后刷新重试。',
            'The authorization link could not be made; reload this page in a moment.',
          ),
        );
      }
    },
  );

  app.get<{ Params: { inviteId: string }; Querystring: Record<string, string | string[] | undefined> }>(
    '/authorize/:inviteId/done',
    async (request, reply) => {
      const { inviteId } = request.params;
      const authCode = request.query['auth_code'];
      if (!INVITE_ID.test(inviteId) || typeof authCode !== 'string' || !AUTH_CODE.test(authCode)) {
        return html(
          reply,
          400,
          messagePage('授权未完成', '返回的链接缺少授权码。', 'The redirect carried no authorization code.'),
        );
      }
      if (limited(request, reply, true, inviteId)) return reply;
      // Only an invitation the desktop told the relay about and that is still open can complete: forged callbacks
      // for made-up or closed invitations are never stored, so the desktop never asks WeChat about them.
      if (!invites.isOpen(inviteId)) {
        request.log.warn({ inviteId }, 'authorization callback refused: invitation unknown or closed');
        return html(
          reply,
          410,
          messagePage(
            '邀请已失效',
            '这个授权邀请不存在、已撤销或已过期，请联系服务商获取新链接。',
            'This invitation does not exist, was revoked or has expired; ask your service provider for a new link.',
          ),
        );
      }
      const rawQuery = request.raw.url?.split('?')[1] ?? '';
      try {
        await events.append({
          channel: 'auth_callback',
          appid: null,
          query: { timestamp: '', nonce: '', msg_signature: '' },
          body: `invite_id=${encodeURIComponent(inviteId)}&${rawQuery}`.slice(0, 4096),
          dedupeKey: dedupeKey('auth_callback', authCode), // once per code, whichever invitation it names
        });
      } catch (error) {
        request.log.error({ err: error }, 'authorization callback not stored');
        return html(
          reply,
          503,
          messagePage(
            '请稍后刷新',
            '暂时无法记录授权结果，请稍后刷新本页。',
            'The result could not be recorded; reload this page in a moment.',
          ),
        );
      }
      return html(
        reply,
        200,
        messagePage('授权完成', '授权已完成，您可以关闭本页。', 'Authorization complete; you can close this page.'),
      );
    },
  );
};
