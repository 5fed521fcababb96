import { BulkRecordsBody, BulkResult, IdParams, MergeBody, Ok } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { eachItem } from '../../http/batch';
import { CursorQuery } from '../../http/cursor';
import { type App, errorResponses } from '../../http/route-types';
import type { Actor } from '../access/actor';
import { CreateQuery, DuplicateGroup, DuplicatesQuery } from './duplicates';
import type { PartyTable } from './parties.queries';
import {
  bulkParties,
  deleteParty,
  findPartyDuplicates,
  getParty,
  type PartyKind,
  restoreParty,
} from './parties.service';

/** The list's query parameters every kind of party takes; a kind may add filters of its own. */
export const partyListQuery = {
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: CursorQuery.optional(),
  deleted: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
};

/** One kind of party's routes: its schemas, its own services and the words its summaries use. */
export interface PartyRoutes<
  T extends PartyTable,
  Item,
  List extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
> {
  kind: PartyKind<T, Item>;
  /** The response schema of one record. */
  item: z.ZodType;
  listQuery: List;
  createBody: Create;
  updateBody: Update;
  /** "company", "companies" and what `q` and the duplicate check look at, for the OpenAPI document. */
  words: { one: string; many: string; search: string; duplicates: string; sharedKeys: string };
  list(
    db: Kysely<DB>,
    actor: Actor,
    query: z.output<List>,
  ): Promise<{ items: Item[]; nextCursor: string | null }>;
  create(
    db: Kysely<DB>,
    actor: Actor,
    body: z.output<Create>,
    options: { allowDuplicates: boolean },
  ): Promise<Item>;
  update(db: Kysely<DB>, actor: Actor, id: string, body: z.output<Update>): Promise<Item>;
  merge(db: Kysely<DB>, actor: Actor, survivorId: string, sourceId: string): Promise<Item>;
}

/** The routes companies and contacts share, under `/api/<table>`. */
export function registerPartyRoutes<
  T extends PartyTable,
  Item,
  List extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
>(app: App, db: Kysely<DB>, spec: PartyRoutes<T, Item, List, Create, Update>): void {
  const { kind, item, words } = spec;
  const base = `/api/${kind.table}`;
  const tags = ['crm'];

  app.get(base, {
    schema: {
      tags,
      summary: `${words.many[0]?.toUpperCase()}${words.many.slice(1)} the caller may see, newest first, a page at a time`,
      description: `${words.search} \`deleted=true\` lists the deleted ones instead, for restoring.`,
      querystring: spec.listQuery,
      response: {
        200: z.object({ items: z.array(item), nextCursor: z.string().nullable() }),
        ...errorResponses,
      },
    },
    handler: async (request) => spec.list(db, actorOf(request), request.query as z.output<List>),
  });

  app.post(base, {
    schema: {
      tags,
      summary: `Create a ${words.one}; 409 with the possible duplicates ${words.duplicates}unless allowDuplicates=true`,
      querystring: CreateQuery,
      body: spec.createBody,
      response: { 200: item, ...errorResponses },
    },
    handler: async (request) =>
      spec.create(db, actorOf(request), request.body as z.output<Create>, {
        allowDuplicates: request.query.allowDuplicates === 'true',
      }),
  });

  app.get(`${base}/duplicates`, {
    schema: {
      tags,
      summary: `${words.sharedKeys} that several ${words.many} share`,
      querystring: DuplicatesQuery,
      response: { 200: z.object({ items: z.array(DuplicateGroup) }), ...errorResponses },
    },
    handler: async (request) => findPartyDuplicates(kind, db, actorOf(request), request.query.limit),
  });

  app.get(`${base}/:id`, {
    schema: {
      tags,
      summary: `One ${words.one}`,
      params: IdParams,
      response: { 200: item, ...errorResponses },
    },
    handler: async (request) => getParty(kind, db, actorOf(request), request.params.id),
  });

  app.patch(`${base}/:id`, {
    schema: {
      tags,
      summary: `Change a ${words.one}`,
      params: IdParams,
      body: spec.updateBody,
      response: { 200: item, ...errorResponses },
    },
    handler: async (request) =>
      spec.update(db, actorOf(request), request.params.id, request.body as z.output<Update>),
  });

  app.delete(`${base}/:id`, {
    schema: {
      tags,
      summary: `Delete a ${words.one} (kept for audit)`,
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deleteParty(kind, db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.post(`${base}/:id/restore`, {
    schema: {
      tags,
      summary: `Bring a deleted ${words.one} back`,
      params: IdParams,
      response: { 200: item, ...errorResponses },
    },
    handler: async (request) => restoreParty(kind, db, actorOf(request), request.params.id),
  });

  app.post(`${base}/:id/merge`, {
    schema: {
      tags,
      summary: `Merge another ${words.one} into this one: links, activities, tasks and history move here`,
      params: IdParams,
      body: MergeBody,
      response: { 200: item, ...errorResponses },
    },
    handler: async (request) => spec.merge(db, actorOf(request), request.params.id, request.body.sourceId),
  });

  app.post(`${base}/batch`, {
    schema: {
      tags,
      summary:
        'Create up to 1,000 in one transaction: all or none; duplicates refuse the batch unless allowDuplicates=true',
      querystring: CreateQuery,
      body: z.strictObject({ items: z.array(spec.createBody).min(1).max(1000) }),
      response: { 200: z.object({ items: z.array(item) }), ...errorResponses },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const allowDuplicates = request.query.allowDuplicates === 'true';
      const items = await db
        .transaction()
        .execute((trx) =>
          eachItem(request.body.items, 'body.items', (body) =>
            spec.create(trx, actor, body as z.output<Create>, { allowDuplicates }),
          ),
        );
      return { items };
    },
  });

  app.post(`${base}/bulk`, {
    schema: {
      tags,
      summary: `Assign, delete or restore many ${words.many} in one transaction: all or none`,
      body: BulkRecordsBody,
      response: { 200: BulkResult, ...errorResponses },
    },
    handler: async (request) => bulkParties(kind, db, actorOf(request), request.body),
  });
}
