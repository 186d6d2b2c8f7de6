import { request as httpRequest, Agent } from 'node:http';
import { WxCrypt, buildEnvelope } from '@wxfleet/protocol';
import { AUTHORIZER_APPID, COMPONENT_APPID, GH_ID } from './push-kinds.js';
import type { PushChannel } from './push-kinds.js';

export const TEST_TOKEN = 'relayTestToken1';
export const TEST_AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

export interface SignedPush {
  path: string;
  body: string;
  encrypt: string;
}

export interface PushOutcome {
  status: number;
  body: string;
  contentType: string;
  attempts: number;
  ms: number;
}

/** Encrypts and signs like WeChat, and delivers like WeChat: 5 s timeout, up to 3 retries of the identical request. */
export class WeChatPusher {
  readonly crypt: WxCrypt;
  /** Every answer's status, every attempt counted (retries included); -1 for no answer. */
  readonly statuses = new Map<number, number>();
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    readonly options: {
      token?: string;
      timeoutMs?: number;
      retries?: number;
      retryDelayMs?: number;
      /** Connections in parallel (default 64); an open-loop load needs rate × latency of them. */
      maxSockets?: number;
    } = {},
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
    this.crypt = new WxCrypt({
      token: options.token ?? TEST_TOKEN,
      encodingAESKey: TEST_AES_KEY,
      appId: COMPONENT_APPID,
    });
  }

  sign(
    inner: string,
    channel: PushChannel,
    timestamp = String(Math.floor(Date.now() / 1000)),
    nonce = String(Math.floor(Math.random() * 1e9)),
  ): SignedPush {
    const encrypt = this.crypt.encrypt(inner);
    const msgSignature = this.crypt.signature(timestamp, nonce, encrypt);
    const query = `signature=${this.crypt.urlSignature(timestamp, nonce)}&timestamp=${timestamp}&nonce=${nonce}&encrypt_type=aes&msg_signature=${msgSignature}`;
    if (channel === 'component')
      return { path: `/wechat/component?${query}`, body: buildEnvelope(encrypt, { appId: COMPONENT_APPID }), encrypt };
    return {
      path: `/wechat/app/${AUTHORIZER_APPID}?${query}&openid=oAbCdEf-system-openid`,
      body: buildEnvelope(encrypt, { toUserName: GH_ID }),
      encrypt,
    };
  }

  /** One POST; resolves with status -1 on a timeout or connection error. */
  post(
    path: string,
    body: string,
    timeoutMs = this.options.timeoutMs ?? 5_000,
  ): Promise<Omit<PushOutcome, 'attempts' | 'ms'>> {
    return new Promise<Omit<PushOutcome, 'attempts' | 'ms'>>((settle) => {
      const resolve = (outcome: Omit<PushOutcome, 'attempts' | 'ms'>): void => {
        this.statuses.set(outcome.status, (this.statuses.get(outcome.status) ?? 0) + 1);
        settle(outcome);
      };
      const url = new URL(path, this.baseUrl);
      const req = httpRequest(
        url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString(),
              contentType: String(res.headers['content-type'] ?? ''),
            }),
          );
          res.on('error', () => resolve({ status: -1, body: '', contentType: '' }));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve({ status: -1, body: '', contentType: '' }));
      req.end(body);
    });
  }

  /** Delivers with WeChat's retry rule; `success` is the only answer that stops retrying. */
  async deliver(push: SignedPush): Promise<PushOutcome> {
    const started = performance.now();
    const retries = this.options.retries ?? 3;
    let last = { status: -1, body: '', contentType: '' };
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      last = await this.post(push.path, push.body);
      if (last.status === 200 && last.body === 'success')
        return { ...last, attempts: attempt, ms: performance.now() - started };
      if (attempt <= retries) await new Promise((r) => setTimeout(r, this.options.retryDelayMs ?? 500));
    }
    return { ...last, attempts: retries + 1, ms: performance.now() - started };
  }

  close(): void {
    this.agent.destroy();
  }
}
