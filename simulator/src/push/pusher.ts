import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { buildEnvelope, WxCrypt } from '@wxfleet/protocol';
import type { SimClock } from '../clock.js';
import type { SimulatorConfig } from '../config.js';
import { randomDigits } from '../ids.js';

export type AttemptOutcome = 'success' | 'timeout' | 'bad_reply' | 'http_error' | 'network_error';

export interface PushAttempt {
  at: string;
  ms: number;
  outcome: AttemptOutcome;
  status: number | null;
  reply: string;
}

export interface PushRecord {
  id: number;
  channel: 'component' | 'app';
  kind: string;
  appid: string | null;
  createTime: number;
  url: string | null;
  state: 'queued' | 'sending' | 'delivered' | 'failed' | 'undeliverable';
  attempts: PushAttempt[];
  /** The decrypted inner XML, so a test or a person can see what was meant. */
  xml: string;
}

interface Outgoing {
  record: PushRecord;
  toUserName: string | null;
}

/** Sends pushes the way WeChat does: encrypted, signed, 5 s timeout, retries, `success` or it failed (02, 03 C7). */
export class Pusher {
  readonly log: PushRecord[] = [];
  paused = false;
  private readonly held: Outgoing[] = [];
  private readonly inflight = new Set<Promise<void>>();
  private readonly sockets = new Set<{ destroy(): void }>();
  private nextId = 1;
  private closed = false;
  private readonly crypt: WxCrypt;

  constructor(
    private readonly config: SimulatorConfig,
    private readonly clock: SimClock,
  ) {
    this.crypt = new WxCrypt({
      token: config.platform.token,
      encodingAESKey: config.platform.encodingAESKey,
      appId: config.platform.componentAppid,
    });
  }

  /** A push to the authorization-event URL (InfoType pushes). */
  component(kind: string, xml: string, createTime: number): PushRecord {
    return this.enqueue(
      { channel: 'component', kind, appid: null, createTime, url: this.config.push.componentEventUrl, xml },
      null,
    );
  }

  /** A push to the message URL of one mini-program (`$APPID$` replaced), addressed to its gh_ id. */
  app(appid: string, toUserName: string, kind: string, xml: string, createTime: number): PushRecord {
    const template = this.config.push.messageUrlTemplate;
    const url = template === null ? null : template.split('$APPID$').join(appid);
    return this.enqueue({ channel: 'app', kind, appid, createTime, url, xml }, toUserName);
  }

  pause(paused: boolean): void {
    this.paused = paused;
    if (!paused) for (const outgoing of this.held.splice(0)) this.start(outgoing);
  }

  /** Resolves when every push started so far has finished all its attempts. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight]);
  }

  close(): void {
    this.closed = true;
    for (const socket of this.sockets) socket.destroy();
  }

  private enqueue(fields: Omit<PushRecord, 'id' | 'state' | 'attempts'>, toUserName: string | null): PushRecord {
    const record: PushRecord = {
      ...fields,
      id: this.nextId++,
      state: fields.url === null ? 'undeliverable' : 'queued',
      attempts: [],
    };
    this.log.push(record);
    if (this.log.length > this.config.pushLogSize) this.log.splice(0, this.log.length - this.config.pushLogSize);
    if (record.url === null || this.closed) return record;
    const outgoing = { record, toUserName };
    if (this.paused) this.held.push(outgoing);
    else this.start(outgoing);
    return record;
  }

  private start(outgoing: Outgoing): void {
    const run = this.deliver(outgoing).finally(() => this.inflight.delete(run));
    this.inflight.add(run);
  }

  private async deliver({ record, toUserName }: Outgoing): Promise<void> {
    record.state = 'sending';
    const encrypt = this.crypt.encrypt(record.xml);
    const body = buildEnvelope(
      encrypt,
      toUserName === null ? { appId: this.config.platform.componentAppid } : { toUserName },
    );
    let query = this.signedQuery(encrypt, toUserName !== null);
    for (let attempt = 0; attempt <= this.config.push.retries; attempt++) {
      if (this.closed) break;
      if (attempt > 0) {
        await new Promise((resolve) => setTimeout(resolve, this.config.push.retryDelayMs).unref());
        if (this.config.push.resignRetries) query = this.signedQuery(encrypt, toUserName !== null);
      }
      const result = await this.post(
        `${record.url!}${record.url!.includes('?') ? '&' : '?'}${query}`,
        body,
        record.channel,
      );
      record.attempts.push(result);
      if (result.outcome === 'success') {
        record.state = 'delivered';
        return;
      }
    }
    record.state = 'failed';
  }

  private signedQuery(encrypt: string, withOpenid: boolean): string {
    const timestamp = String(this.clock.now());
    const nonce = randomDigits(10).replace(/^0+/, '1');
    const params = new URLSearchParams({ signature: this.crypt.urlSignature(timestamp, nonce), timestamp, nonce });
    // System events carry an internal openid; its real value is UNCONFIRMED (03 C5).
    if (withOpenid) params.set('openid', 'oSimSystem0000000000000000000');
    params.set('encrypt_type', 'aes');
    params.set('msg_signature', this.crypt.signature(timestamp, nonce, encrypt));
    return params.toString();
  }

  private post(url: string, body: string, channel: 'component' | 'app'): Promise<PushAttempt> {
    const started = Date.now();
    const at = new Date(this.clock.nowMs()).toISOString();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: AttemptOutcome, status: number | null, reply: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ at, ms: Date.now() - started, outcome, status, reply: reply.slice(0, 200) });
      };
      const send = url.startsWith('https:') ? httpsRequest : request;
      const req = send(
        url,
        {
          method: 'POST',
          headers: { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(body) },
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const reply = Buffer.concat(chunks).toString('utf8');
            const ok = reply === 'success' || (channel === 'app' && reply === '');
            if (res.statusCode !== 200) finish('http_error', res.statusCode ?? null, reply);
            else finish(ok ? 'success' : 'bad_reply', 200, reply);
          });
          res.on('error', () => finish('network_error', res.statusCode ?? null, ''));
        },
      );
      this.sockets.add(req);
      req.on('close', () => this.sockets.delete(req));
      const timer = setTimeout(() => {
        finish('timeout', null, '');
        req.destroy();
      }, this.config.push.timeoutMs);
      req.on('error', (error) => finish('network_error', null, error.message));
      req.end(body);
    });
  }
}
