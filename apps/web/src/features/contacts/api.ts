import type { Contact, CreateContactBody, UpdateContactBody } from '@voronka/domain';
import type { z } from 'zod';
import { partyApi } from '../companies/party-api';

const contacts = partyApi<Contact, z.input<typeof CreateContactBody>, z.input<typeof UpdateContactBody>>({
  path: 'contacts',
  entity: 'contact',
  mergeAlsoChanges: ['deals'],
});

export const contactKeys = contacts.keys;

/** Contacts matching `q` (name start, phone or email), newest first; `deleted` shows the deleted ones. */
export function useContactList(q: string, companyId?: string, deleted = false) {
  return contacts.useList({ q, companyId, deleted });
}
export const useContactOptions = contacts.useOptions;
export const useContact = contacts.useOne;
export const useContactNames = contacts.useNames;
export const useContactDuplicates = contacts.useDuplicates;
export const useCreateContact = contacts.useCreate;
export const useUpdateContact = contacts.useUpdate;
export const useDeleteContact = contacts.useDelete;
export const useBulkContacts = contacts.useBulk;
/** Merges `sourceId` into `targetId`: its deals, activities, tasks and history move to the survivor. */
export const useMergeContacts = contacts.useMerge;
