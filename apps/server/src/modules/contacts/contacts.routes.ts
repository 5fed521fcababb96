import { Contact, CreateContactBody, UpdateContactBody } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import type { App } from '../../http/route-types';
import { partyListQuery, registerPartyRoutes } from '../parties/parties.routes';
import { contactKind, createContact, findContacts, mergeContacts, updateContact } from './contacts.service';

export function registerContactRoutes(app: App, db: Kysely<DB>): void {
  registerPartyRoutes(app, db, {
    kind: contactKind,
    item: Contact,
    listQuery: z.strictObject({ ...partyListQuery, companyId: z.uuid().optional() }),
    createBody: CreateContactBody,
    updateBody: UpdateContactBody,
    words: {
      one: 'contact',
      many: 'contacts',
      search: '`q` matches the start of the name in any case, or a phone (any spelling) or an email.',
      duplicates: '(contacts and leads) ',
      sharedKeys: 'Phones and emails',
    },
    list: findContacts,
    create: createContact,
    update: updateContact,
    merge: mergeContacts,
  });
}
