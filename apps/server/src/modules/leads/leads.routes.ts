import {
  BulkRecordsBody,
  BulkResult,
  ConvertedLead,
  ConvertLeadBody,
  CreateLeadBody,
  IdParams,
  Lead,
  LeadStatus,
  Ok,
  RefusalReason,
  UpdateLeadBody,
} from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { eachItem } from '../../http/batch';
import { CursorQuery } from '../../http/cursor';
import { type App, errorResponses } from '../../http/route-types';
import { convertLead } from './convert-lead';
import { type LeadSort, leadSorts, refusalReasonsFor } from './leads.queries';
import {
  bulkLeads,
  createLead,
  deleteLead,
  findLeads,
  getLead,
  insertLead,
  restoreLead,
  updateLead,
} from './leads.service';

const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  status: LeadStatus.optional(),
  responsibleId: z.uuid().optional(),
  source: z.string().max(100).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(Object.keys(leadSorts) as [LeadSort]).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  cursor: CursorQuery.optional(),
  deleted: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export function registerLeadRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/leads', {
    schema: {
      tags: ['crm'],
      summary: 'Leads the caller may see: filters, sort and cursor pagination',
      description: '`deleted=true` lists the deleted leads instead, for restoring.',
      querystring: ListQuery,
      response: {
        200: z.object({ items: z.array(Lead), nextCursor: z.string().nullable() }),
        ...errorResponses,
      },
    },
    handler: async (request) => findLeads(db, actorOf(request), request.query),
  });

  app.post('/api/leads', {
    schema: {
      tags: ['crm'],
      summary: 'Create a lead',
      body: CreateLeadBody,
      response: { 200: Lead, ...errorResponses },
    },
    handler: async (request) => createLead(db, actorOf(request), request.body),
  });

  app.get('/api/leads/:id', {
    schema: {
      tags: ['crm'],
      summary: 'One lead',
      params: IdParams,
      response: { 200: Lead, ...errorResponses },
    },
    handler: async (request) => getLead(db, actorOf(request), request.params.id),
  });

  app.patch('/api/leads/:id', {
    schema: {
      tags: ['crm'],
      summary: 'Change a lead',
      params: IdParams,
      body: UpdateLeadBody,
      response: { 200: Lead, ...errorResponses },
    },
    handler: async (request) => updateLead(db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/leads/:id', {
    schema: {
      tags: ['crm'],
      summary: 'Delete a lead (kept for audit)',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deleteLead(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.post('/api/leads/:id/convert', {
    schema: {
      tags: ['crm'],
      summary: 'Convert a lead into a contact, a company and a deal, keeping it linked',
      params: IdParams,
      body: ConvertLeadBody,
      response: { 200: ConvertedLead, ...errorResponses },
    },
    handler: async (request) => convertLead(db, actorOf(request), request.params.id, request.body),
  });

  app.get('/api/refusal-reasons', {
    schema: {
      tags: ['crm'],
      summary: 'Refusal reasons the caller’s role may choose',
      response: { 200: z.object({ items: z.array(RefusalReason) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await refusalReasonsFor(db, actorOf(request)) }),
  });

  app.post('/api/leads/batch', {
    schema: {
      tags: ['crm'],
      summary: 'Create up to 1,000 leads in one transaction: all or none (imports, web forms in bulk)',
      body: z.strictObject({ items: z.array(CreateLeadBody).min(1).max(1000) }),
      response: { 200: z.object({ items: z.array(Lead) }), ...errorResponses },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const items = await db
        .transaction()
        .execute((trx) => eachItem(request.body.items, 'body.items', (item) => insertLead(trx, actor, item)));
      return { items };
    },
  });
  app.post('/api/leads/bulk', {
    schema: {
      tags: ['crm'],
      summary: 'Assign, delete or restore many leads in one transaction: all or none',
      body: BulkRecordsBody,
      response: { 200: BulkResult, ...errorResponses },
    },
    handler: async (request) => bulkLeads(db, actorOf(request), request.body),
  });

  app.post('/api/leads/:id/restore', {
    schema: {
      tags: ['crm'],
      summary: 'Bring a deleted lead back',
      params: IdParams,
      response: { 200: Lead, ...errorResponses },
    },
    handler: async (request) => restoreLead(db, actorOf(request), request.params.id),
  });
}
