import { Contact, CreateContactBody, IdParams, MergeBody, Ok, UpdateContactBody } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { eachItem } from '../../http/batch';
import { type App, errorResponses } from '../../http/route-types';
import { CreateQuery, DuplicateGroup, DuplicatesQuery } from '../companies/duplicates';
import { ListCursor } from '../companies/list-cursor';
import {
  createContact,
  deleteContact,
  findContactDuplicates,
  findContacts,
  getContact,
  updateContact,
} from './contacts.service';
import { mergeContacts } from './merge-contacts';

const ListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  companyId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: ListCursor.optional(),
});
const ContactPage = z.object({ items: z.array(Contact), nextCursor: z.string().nullable() });

export function registerContactRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/contacts', {
    schema: {
      tags: ['crm'],
      summary: 'Contacts the caller may see, newest first, a page at a time',
      description: '`q` matches the start of the name in any case, or a phone (any spelling) or an email.',
      querystring: ListQuery,
      response: { 200: ContactPage, ...errorResponses },
    },
    handler: async (request) => findContacts(db, actorOf(request), request.query),
  });

  app.post('/api/contacts', {
    schema: {
      tags: ['crm'],
      summary:
        'Create a contact; 409 with the possible duplicates (contacts and leads) unless allowDuplicates=true',
      querystring: CreateQuery,
      body: CreateContactBody,
      response: { 200: Contact, ...errorResponses },
    },
    handler: async (request) =>
      createContact(db, actorOf(request), request.body, {
        allowDuplicates: request.query.allowDuplicates === 'true',
      }),
  });

  app.get('/api/contacts/duplicates', {
    schema: {
      tags: ['crm'],
      summary: 'Phones and emails that several contacts share',
      querystring: DuplicatesQuery,
      response: { 200: z.object({ items: z.array(DuplicateGroup) }), ...errorResponses },
    },
    handler: async (request) => findContactDuplicates(db, actorOf(request), request.query.limit),
  });

  app.get('/api/contacts/:id', {
    schema: {
      tags: ['crm'],
      summary: 'One contact',
      params: IdParams,
      response: { 200: Contact, ...errorResponses },
    },
    handler: async (request) => getContact(db, actorOf(request), request.params.id),
  });

  app.patch('/api/contacts/:id', {
    schema: {
      tags: ['crm'],
      summary: 'Change a contact',
      params: IdParams,
      body: UpdateContactBody,
      response: { 200: Contact, ...errorResponses },
    },
    handler: async (request) => updateContact(db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/contacts/:id', {
    schema: {
      tags: ['crm'],
      summary: 'Delete a contact (kept for audit)',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deleteContact(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.post('/api/contacts/:id/merge', {
    schema: {
      tags: ['crm'],
      summary: 'Merge another contact into this one: links, activities, tasks and history move here',
      params: IdParams,
      body: MergeBody,
      response: { 200: Contact, ...errorResponses },
    },
    handler: async (request) => mergeContacts(db, actorOf(request), request.params.id, request.body.sourceId),
  });

  app.post('/api/contacts/batch', {
    schema: {
      tags: ['crm'],
      summary:
        'Create up to 1,000 in one transaction: all or none; duplicates refuse the batch unless allowDuplicates=true',
      querystring: CreateQuery,
      body: z.strictObject({ items: z.array(CreateContactBody).min(1).max(1000) }),
      response: { 200: z.object({ items: z.array(Contact) }), ...errorResponses },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const allowDuplicates = request.query.allowDuplicates === 'true';
      const items = await db
        .transaction()
        .execute((trx) =>
          eachItem(request.body.items, 'body.items', (item) =>
            createContact(trx, actor, item, { allowDuplicates }),
          ),
        );
      return { items };
    },
  });
}
