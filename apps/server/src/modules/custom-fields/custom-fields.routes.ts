import {
  CreateCustomFieldBody,
  CustomField,
  CustomFieldEntity,
  IdParams,
  Ok,
  UpdateCustomFieldBody,
} from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import {
  createCustomField,
  deleteCustomField,
  findCustomFields,
  updateCustomField,
} from './custom-fields.service';

export function registerCustomFieldRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/custom-fields', {
    schema: {
      tags: ['settings'],
      summary: 'Custom fields, for one kind of record or all',
      querystring: z.strictObject({ entity: CustomFieldEntity.optional() }),
      response: { 200: z.object({ items: z.array(CustomField) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: await findCustomFields(db, actorOf(request), request.query.entity),
    }),
  });
  app.post('/api/custom-fields', {
    schema: {
      tags: ['settings'],
      summary: 'Add a custom field (admins)',
      body: CreateCustomFieldBody,
      response: { 200: CustomField, ...errorResponses },
    },
    handler: async (request) => createCustomField(db, actorOf(request), request.body),
  });
  app.patch('/api/custom-fields/:id', {
    schema: {
      tags: ['settings'],
      summary: 'Rename a custom field or change its options (admins)',
      params: IdParams,
      body: UpdateCustomFieldBody,
      response: { 200: CustomField, ...errorResponses },
    },
    handler: async (request) => updateCustomField(db, actorOf(request), request.params.id, request.body),
  });
  app.delete('/api/custom-fields/:id', {
    schema: {
      tags: ['settings'],
      summary: 'Remove a custom field (admins)',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deleteCustomField(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
}
