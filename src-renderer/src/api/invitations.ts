import type { InvitationView } from '@contract/fleet';
import { call, subscribe } from './bridge';

export const invitationsApi = {
  list: (): Promise<InvitationView[]> => call('invitations:list'),
  create: (note: string): Promise<InvitationView> => call('invitations:create', { note }),
  revoke: (id: string): Promise<InvitationView> => call('invitations:revoke', id),
  onChanged: (listener: (invitation: InvitationView) => void) => subscribe('invitations:changed', listener),
};
