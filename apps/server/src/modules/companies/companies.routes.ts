import { Company, CreateCompanyBody, IdParams, MergeBody, Ok, UpdateCompanyBody } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { eachItem } from '../../http/batch';
import { type App, errorResponses } from '../../http/route-types';
import {
  createCompany,
  deleteCompany,
  findCompanies,
  findCompanyDuplicates,
  getCompany,
  updateCompany,
} from './companies.service';
import { CreateQuery, DuplicateGroup, DuplicatesQuery } from './duplicates';
import { ListCursor } from './list-cursor';
import { mergeCompanies } from './merge-companies';

const ListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: ListCursor.optional(),
});
const CompanyPage = z.object({ items: z.array(Company), nextCursor: z.string().nullable() });

export function registerCompanyRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/companies', {
    schema: {
      tags: ['crm'],
      summary: 'Companies the caller may see, newest first, a page at a time',
      description:
        '`q` matches the start of the name in any case, or a phone (any spelling), an email or an INN.',
      querystring: ListQuery,
      response: { 200: CompanyPage, ...errorResponses },
    },
    handler: async (request) => findCompanies(db, actorOf(request), request.query),
  });

  app.post('/api/companies', {
    schema: {
      tags: ['crm'],
      summary: 'Create a company; 409 with the possible duplicates unless allowDuplicates=true',
      querystring: CreateQuery,
      body: CreateCompanyBody,
      response: { 200: Company, ...errorResponses },
    },
    handler: async (request) =>
      createCompany(db, actorOf(request), request.body, {
        allowDuplicates: request.query.allowDuplicates === 'true',
      }),
  });

  app.get('/api/companies/duplicates', {
    schema: {
      tags: ['crm'],
      summary: 'Phones, emails and INNs that several companies share',
      querystring: DuplicatesQuery,
      response: { 200: z.object({ items: z.array(DuplicateGroup) }), ...errorResponses },
    },
    handler: async (request) => findCompanyDuplicates(db, actorOf(request), request.query.limit),
  });

  app.get('/api/companies/:id', {
    schema: {
      tags: ['crm'],
      summary: 'One company',
      params: IdParams,
      response: { 200: Company, ...errorResponses },
    },
    handler: async (request) => getCompany(db, actorOf(request), request.params.id),
  });

  app.patch('/api/companies/:id', {
    schema: {
      tags: ['crm'],
      summary: 'Change a company',
      params: IdParams,
      body: UpdateCompanyBody,
      response: { 200: Company, ...errorResponses },
    },
    handler: async (request) => updateCompany(db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/companies/:id', {
    schema: {
      tags: ['crm'],
      summary: 'Delete a company (kept for audit)',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deleteCompany(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.post('/api/companies/:id/merge', {
    schema: {
      tags: ['crm'],
      summary: 'Merge another company into this one: links, activities, tasks and history move here',
      params: IdParams,
      body: MergeBody,
      response: { 200: Company, ...errorResponses },
    },
    handler: async (request) =>
      mergeCompanies(db, actorOf(request), request.params.id, request.body.sourceId),
  });

  app.post('/api/companies/batch', {
    schema: {
      tags: ['crm'],
      summary:
        'Create up to 1,000 in one transaction: all or none; duplicates refuse the batch unless allowDuplicates=true',
      querystring: CreateQuery,
      body: z.strictObject({ items: z.array(CreateCompanyBody).min(1).max(1000) }),
      response: { 200: z.object({ items: z.array(Company) }), ...errorResponses },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const allowDuplicates = request.query.allowDuplicates === 'true';
      const items = await db
        .transaction()
        .execute((trx) =>
          eachItem(request.body.items, 'body.items', (item) =>
            createCompany(trx, actor, item, { allowDuplicates }),
          ),
        );
      return { items };
    },
  });
}
