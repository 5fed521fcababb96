import {
  BulkDealsBody,
  CreateDealBody,
  Deal,
  DealBoard,
  DealProduct,
  ErrorBody,
  IdParams,
  LoseDealBody,
  MoveDealBody,
  Ok,
  StageVisit,
  UpdateDealBody,
  WinDealBody,
} from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { notFound } from '../../http/errors';
import { type App, errorResponses } from '../../http/route-types';
import { preEncoded } from '../../http/serializer';
import { boardOf, dealSorts, findDeal, listDeals } from './deals.queries';
import {
  createDeal,
  deleteDeal,
  getDeal,
  listProducts,
  loseDeal,
  moveDeal,
  stageTimeline,
  updateDeal,
  winDeal,
} from './deals.service';
import { bulkDeals, createDeals, restoreDeal, updateDeals } from './deals-bulk';

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

const ListQuery = z.strictObject({
  pipelineId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  responsibleId: z.uuid().optional(),
  companyId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
  minAmount: z.coerce.number().min(0).optional(),
  maxAmount: z.coerce.number().min(0).optional(),
  open: booleanQuery.optional(),
  noNextStep: booleanQuery.optional(),
  deleted: booleanQuery.optional(),
  customKey: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,49}$/)
    .optional(),
  customValue: z.string().max(500).optional(),
  sort: z.enum(Object.keys(dealSorts) as [keyof typeof dealSorts]).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

const BoardQuery = z.strictObject({
  pipelineId: z.uuid(),
  perStage: z.coerce.number().int().min(1).max(200).default(30),
});
const DealPage = z.object({ items: z.array(Deal), nextCursor: z.string().nullable() });
type DealPage = z.infer<typeof DealPage>;
const gateResponses = { ...errorResponses, 422: ErrorBody };

export function registerDealRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/deals', {
    schema: {
      tags: ['crm'],
      summary: 'Deals the caller may see: filters, sort and cursor pagination',
      querystring: ListQuery,
      response: {
        200: DealPage,
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const { sort, order, limit, cursor, ...filter } = request.query;
      return preEncoded<DealPage>(
        await listDeals(db, actorOf(request), { filter, sort, order, limit, cursor }),
      );
    },
  });

  app.get('/api/deals/board', {
    schema: {
      tags: ['crm'],
      summary: 'The kanban of one pipeline: count, sum and the latest deals per stage',
      querystring: BoardQuery,
      response: { 200: DealBoard, ...errorResponses },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { pipelineId, perStage } = request.query;
      const board = await boardOf(db, actor, pipelineId, perStage);
      if (board === null) throw notFound('Pipeline');
      return preEncoded<DealBoard>(board);
    },
  });

  app.post('/api/deals', {
    schema: {
      tags: ['crm'],
      summary: 'Create a deal (first open stage of the first sales pipeline unless given)',
      body: CreateDealBody,
      response: { 200: Deal, ...errorResponses },
    },
    handler: async (request) => createDeal(db, actorOf(request), request.body),
  });

  app.get('/api/deals/:id', {
    schema: {
      tags: ['crm'],
      summary: 'One deal',
      params: IdParams,
      response: { 200: Deal, ...errorResponses },
    },
    handler: async (request) => getDeal(db, actorOf(request), request.params.id),
  });

  app.patch('/api/deals/:id', {
    schema: {
      tags: ['crm'],
      summary: 'Change a deal’s fields or product lines',
      params: IdParams,
      body: UpdateDealBody,
      response: { 200: Deal, ...errorResponses },
    },
    handler: async (request) => updateDeal(db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/deals/:id', {
    schema: {
      tags: ['crm'],
      summary: 'Delete a deal (kept for audit)',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deleteDeal(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.post('/api/deals/:id/move', {
    schema: {
      tags: ['crm'],
      summary: 'Move through the stage gate; 422 stage_gate names each missing output',
      params: IdParams,
      body: MoveDealBody,
      response: { 200: Deal, ...gateResponses },
    },
    handler: async (request) => moveDeal(db, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/deals/:id/win', {
    schema: {
      tags: ['crm'],
      summary: 'Close as won (needs every remaining stage output)',
      params: IdParams,
      body: WinDealBody,
      response: { 200: Deal, ...gateResponses },
    },
    handler: async (request) =>
      winDeal(db, actorOf(request), request.params.id, request.body.overrideComment),
  });

  app.post('/api/deals/:id/lose', {
    schema: {
      tags: ['crm'],
      summary: 'Close as lost with a reason',
      params: IdParams,
      body: LoseDealBody,
      response: { 200: Deal, ...gateResponses },
    },
    handler: async (request) => loseDeal(db, actorOf(request), request.params.id, request.body.reason),
  });

  app.get('/api/deals/:id/products', {
    schema: {
      tags: ['crm'],
      summary: 'A deal’s product lines with totals and VAT',
      params: IdParams,
      response: { 200: z.object({ items: z.array(DealProduct) }), ...errorResponses },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      if (!(await findDeal(db, actor, request.params.id))) throw notFound('Deal');
      return { items: await listProducts(db, actor.workspaceId, request.params.id) };
    },
  });

  app.get('/api/deals/:id/stages', {
    schema: {
      tags: ['crm'],
      summary: 'When the deal entered and left each stage',
      params: IdParams,
      response: { 200: z.object({ items: z.array(StageVisit) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await stageTimeline(db, actorOf(request), request.params.id) }),
  });

  app.post('/api/deals/batch', {
    schema: {
      tags: ['crm'],
      summary: 'Create up to 1,000 deals in one transaction: all or none',
      body: z.strictObject({ items: z.array(CreateDealBody).min(1).max(1000) }),
      response: { 200: z.object({ items: z.array(Deal) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await createDeals(db, actorOf(request), request.body.items) }),
  });

  app.patch('/api/deals/batch', {
    schema: {
      tags: ['crm'],
      summary: 'Change up to 1,000 deals in one transaction: all or none',
      body: z.strictObject({
        items: z
          .array(UpdateDealBody.extend({ id: z.uuid() }))
          .min(1)
          .max(1000),
      }),
      response: { 200: z.object({ items: z.array(Deal) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await updateDeals(db, actorOf(request), request.body.items) }),
  });

  app.post('/api/deals/bulk', {
    schema: {
      tags: ['crm'],
      summary: 'Assign, move, delete or restore many deals at once; a refused gate moves none',
      body: BulkDealsBody,
      response: { 200: z.object({ updated: z.number().int() }), ...gateResponses },
    },
    handler: async (request) => bulkDeals(db, actorOf(request), request.body),
  });

  app.post('/api/deals/:id/restore', {
    schema: {
      tags: ['crm'],
      summary: 'Bring a deleted deal back',
      params: IdParams,
      response: { 200: Deal, ...errorResponses },
    },
    handler: async (request) => restoreDeal(db, actorOf(request), request.params.id),
  });
}
