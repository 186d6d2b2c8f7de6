import { coded } from '../../contract/codes.js';
import { CodedError } from '../../contract/result.js';
import { readCodedOrNull } from '../platform/store/stored-text.js';
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { InvitationView } from '../../contract/fleet.js';
import type { EmitEvent } from '../../contract/handlers.js';
import type { Clock } from '../platform/clock/clock.js';
import type { Logger } from '../platform/log/logger.js';
import type { InviteVariant, RelayClient } from '../relay/client/index.js';
import type { InvitationRecord } from '../platform/store/invitations-aggregate.js';
import { MAX_PRE_AUTH_CODES } from '../platform/store/invitations-aggregate.js';
import type { Store } from '../platform/store/store.js';
import type { WeChatStack } from '../wechat/wechat-stack.js';
import type { AuthorizationPageBases } from './authorization-link.js';
import { authorizationLink, launchPageUrl, redirectUrl } from './authorization-link.js';
import { codeHash } from './code-hash.js';
import { createPreAuthLinkCache, preAuthLinkKey } from './pre-auth-link-cache.js';

export interface InvitationDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  emit: EmitEvent;
  wechat: WeChatStack;
  relay: () => RelayClient | null;
  pageBases: AuthorizationPageBases;
}

export interface InvitationService {
  list(): Promise<InvitationView[]>;
  create(note: string): Promise<InvitationView>;
  revoke(id: string): Promise<InvitationView>;
  /**
   * Answers the relay's `authorizationUrl` RPC: a PC or mobile link with a pre_auth_code, one per invitation and
   * variant for the code's lifetime however often the launch page is opened.
   */
  authorizationUrl(params: { inviteId: string; variant: InviteVariant }): Promise<string>;
  /** The invitation a pre_auth_code was minted for (ties an `authorized` push to its link). */
  byPreAuthCode(preAuthCode: string): InvitationRecord | undefined;
  /** Marks it done for `appid` and tells the UI; no-op when unknown or revoked. */
  complete(inviteId: string, appid: string, warning: string | null): Promise<void>;
  /** Sends every invitation to a (new) relay client: the relay keeps them to serve or refuse its launch page. */
  sendAll(client: RelayClient): void;
}

export function createInvitationService(deps: InvitationDeps): InvitationService {
  const { store, clock, logger, emit } = deps;
  const qrCache = new Map<string, string>();
  const links = createPreAuthLinkCache(clock);

  const qr = async (url: string): Promise<string> => {
    if (url === '') return '';
    let data = qrCache.get(url);
    if (data === undefined) {
      data = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 256 });
      qrCache.set(url, data);
    }
    return data;
  };

  const view = async (rec: InvitationRecord): Promise<InvitationView> => {
    const relayUrl = store.settings.data.relayUrl;
    const pcUrl = relayUrl === '' ? '' : launchPageUrl(relayUrl, rec.id, 'pc');
    const mobileUrl = relayUrl === '' ? '' : launchPageUrl(relayUrl, rec.id, 'mobile');
    return {
      id: rec.id,
      note: rec.note,
      status: rec.status,
      createdAt: new Date(rec.createdAt).toISOString(),
      pcUrl,
      mobileUrl,
      pcQr: await qr(pcUrl),
      mobileQr: await qr(mobileUrl),
      authorizerAppid: rec.authorizerAppid,
      warning: readCodedOrNull(rec.warning),
    };
  };

  const get = (id: string): InvitationRecord => {
    const rec = store.invitations.data.byId[id];
    if (rec === undefined)
      throw new CodedError('invalid_argument', coded('unknown_invitation', { id: id.slice(0, 64) }));
    return rec;
  };

  const send = (rec: InvitationRecord, client = deps.relay()): void => {
    if (client === null) return;
    client.sendInvite({ id: rec.id, label: rec.note.slice(0, 100), revoked: rec.status !== 'pending' });
  };

  const changed = async (id: string): Promise<InvitationView> => {
    const v = await view(get(id));
    emit('invitations:changed', v);
    return v;
  };

  return {
    list: async () =>
      Promise.all(
        Object.values(store.invitations.data.byId)
          .sort((a, b) => b.createdAt - a.createdAt)
          .map(view),
      ),
    async create(note) {
      const id = randomBytes(12).toString('base64url');
      const rec: InvitationRecord = {
        id,
        note: note.trim().slice(0, 200),
        status: 'pending',
        createdAt: clock.now(),
        authorizerAppid: null,
        warning: null,
        preAuthCodes: [],
      };
      await store.invitations.update((d) => {
        d.byId[id] = rec;
      });
      send(rec);
      logger.info('invitation created', { inviteId: id });
      return changed(id);
    },
    async revoke(id) {
      get(id);
      await store.invitations.update((d) => {
        const rec = d.byId[id];
        if (rec && rec.status === 'pending') rec.status = 'revoked';
      });
      links.forget(id);
      send(get(id));
      return changed(id);
    },
    async authorizationUrl({ inviteId, variant }) {
      const open = (): boolean => store.invitations.data.byId[inviteId]?.status === 'pending';
      if (!open()) throw new CodedError('invalid_argument', coded('invitation_not_open'));
      const relayUrl = store.settings.data.relayUrl;
      const componentAppid = store.settings.data.componentAppid;
      const key = preAuthLinkKey(inviteId, variant, `${componentAppid} ${relayUrl}`);
      const url = await links.get(key, async () => {
        const { pre_auth_code: preAuthCode, expires_in: expiresIn } = await deps.wechat.api.apiCreatePreauthcode({
          component_appid: componentAppid,
        });
        await store.invitations.update((d) => {
          const r = d.byId[inviteId];
          if (r === undefined) return;
          r.preAuthCodes.push(codeHash(preAuthCode));
          if (r.preAuthCodes.length > MAX_PRE_AUTH_CODES) r.preAuthCodes.splice(0, 1);
        });
        const link = authorizationLink({
          variant,
          bases: deps.pageBases,
          componentAppid,
          preAuthCode,
          redirectUri: redirectUrl(relayUrl, inviteId),
        });
        return { url: link, expiresInSeconds: expiresIn };
      });
      // Revoked or completed while the code was being minted.
      if (!open()) {
        links.forget(inviteId);
        throw new CodedError('invalid_argument', coded('invitation_not_open'));
      }
      return url;
    },
    byPreAuthCode(preAuthCode) {
      if (preAuthCode === '') return undefined;
      const hash = codeHash(preAuthCode);
      return Object.values(store.invitations.data.byId).find((r) => r.preAuthCodes.includes(hash));
    },
    async complete(inviteId, appid, warning) {
      const rec = store.invitations.data.byId[inviteId];
      if (rec === undefined || rec.status === 'revoked') return;
      if (rec.status === 'done' && rec.authorizerAppid === appid && rec.warning === warning) return;
      await store.invitations.update((d) => {
        const r = d.byId[inviteId];
        if (r === undefined) return;
        r.status = 'done';
        r.authorizerAppid = appid;
        r.warning = warning;
      });
      links.forget(inviteId);
      send(get(inviteId));
      await changed(inviteId);
    },
    sendAll(client) {
      for (const rec of Object.values(store.invitations.data.byId)) send(rec, client);
    },
  };
}
