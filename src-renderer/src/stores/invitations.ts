import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { InvitationView } from '@contract/fleet';
import { invitationsApi } from '@renderer/api/invitations';
import { notifyError } from '@renderer/errors/notify-error';
import { upsert } from './debounce';

export const useInvitationsStore = defineStore('invitations', () => {
  const list = ref<InvitationView[]>([]);
  const creating = ref(false);
  let started = false;

  const pending = computed(() => list.value.filter((i) => i.status === 'pending'));
  const finished = computed(() => list.value.filter((i) => i.status !== 'pending'));

  const adopt = (invitation: InvitationView): void => {
    list.value = upsert(list.value, invitation, (a, b) => a.id === b.id);
  };

  async function start(): Promise<void> {
    if (!started) {
      started = true;
      invitationsApi.onChanged(adopt);
    }
    try {
      list.value = await invitationsApi.list();
    } catch (error) {
      notifyError(error);
    }
  }

  async function create(note: string): Promise<InvitationView | null> {
    creating.value = true;
    try {
      const invitation = await invitationsApi.create(note);
      adopt(invitation);
      return invitation;
    } catch (error) {
      notifyError(error);
      return null;
    } finally {
      creating.value = false;
    }
  }

  async function revoke(id: string): Promise<void> {
    try {
      adopt(await invitationsApi.revoke(id));
    } catch (error) {
      notifyError(error);
    }
  }

  return { list, pending, finished, creating, start, create, revoke };
});
