import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { APPID_PATTERN, EnvelopeError, isSignedQueryValue, parseEnvelope, XmlError } from '@wxfleet/protocol';
import { verifyMsgSignature } from '../signature.js';
import { dedupeKey } from '../store/event-store.js';
import type { Channel, EventStore, PushQuery } from '../store/event-store.js';

export interface IntakeOptions {
  events: EventStore;
  tokens: readonly string[];
  bodyLimit: number;
  timestampToleranceMs: number;
}

function readQuery(query: unknown): PushQuery | null {
  if (typeof query !== 'object' || query === null) return null;
  const q = query as Record<string, unknown>;
  const { timestamp, nonce, msg_signature: msgSignature } = q;
  if (typeof timestamp !== 'string' || typeof nonce !== 'string' || typeof msgSignature !== 'string') return null;
  if (!isSignedQueryValue(timestamp) || !isSignedQueryValue(nonce) || !isSignedQueryValue(msgSignature)) return null;
  return { timestamp, nonce, msg_signature: msgSignature };
}

function refuse(reply: FastifyReply, status: number, text: string): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').send(text);
}

/** POST /wechat/component and /wechat/app/:appid — verify, commit, then and only then answer `success`. */
export const wechatIntake: FastifyPluginAsync<IntakeOptions> = async (
  app,
  { events, tokens, bodyLimit, timestampToleranceMs },
) => {
  // WeChat sends text/xml; any other type is still read as text, capped, and judged by the same checks.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body));

  async function intake(
    request: FastifyRequest,
    reply: FastifyReply,
    channel: Channel,
    appid: string | null,
  ): Promise<FastifyReply> {
    const query = readQuery(request.query);
    if (query === null) return refuse(reply, 401, 'missing or malformed timestamp, nonce or msg_signature');
    const body = request.body;
    if (typeof body !== 'string' || body.length === 0) return refuse(reply, 400, 'empty body');
    let encrypt: string;
    try {
      encrypt = parseEnvelope(body, { maxLength: bodyLimit, maxDepth: 1 }).encrypt;
    } catch (error) {
      if (error instanceof XmlError || error instanceof EnvelopeError) {
        request.log.warn({ channel, reason: error.code }, 'push refused: bad XML');
        return refuse(reply, 400, `bad XML: ${error.code}`);
      }
      throw error;
    }
    if (!verifyMsgSignature(tokens, query.timestamp, query.nonce, encrypt, query.msg_signature)) {
      request.log.warn({ channel }, 'push refused: msg_signature does not match');
      return refuse(reply, 401, 'msg_signature does not match');
    }
    // The timestamp is signed: a replay of an old push keeps its old timestamp.
    const skewMs = Math.abs(Date.now() - Number(query.timestamp) * 1000);
    if (!(skewMs <= timestampToleranceMs)) {
      request.log.warn({ channel, skewSeconds: Math.round(skewMs / 1000) }, 'push refused: timestamp out of tolerance');
      return refuse(reply, 401, 'timestamp too far from the relay clock');
    }
    try {
      const { seq, duplicate } = await events.append({
        channel,
        appid,
        query,
        body,
        // Only <Encrypt> is signed: the same ciphertext replayed to another path is the same push.
        dedupeKey: dedupeKey('push', encrypt),
      });
      request.log.debug({ channel, appid, seq, duplicate }, 'push stored');
    } catch (error) {
      request.log.error({ err: error, channel }, 'push not stored');
      return refuse(reply, 503, 'storage unavailable');
    }
    return reply.code(200).type('text/plain').send('success');
  }

  app.post('/wechat/component', (request, reply) => intake(request, reply, 'component', null));
  app.post<{ Params: { appid: string } }>('/wechat/app/:appid', (request, reply) => {
    const { appid } = request.params;
    if (!APPID_PATTERN.test(appid)) return refuse(reply, 404, 'unknown appid path');
    return intake(request, reply, 'app', appid);
  });
};
