import { CreateViewBody, IdParams, Ok, SavedView, ViewEntity } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { createView, deleteView, findViews } from './views.service';

export function registerViewRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/views', {
    schema: {
      tags: ['crm'],
      summary: 'Saved list views: the caller’s own and the shared ones',
      querystring: z.strictObject({ entity: ViewEntity }),
      response: { 200: z.object({ items: z.array(SavedView) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await findViews(db, actorOf(request), request.query.entity) }),
  });
  app.post('/api/views', {
    schema: {
      tags: ['crm'],
      summary: 'Save a list view, personal or shared',
      body: CreateViewBody,
      response: { 200: SavedView, ...errorResponses },
    },
    handler: async (request) => createView(db, actorOf(request), request.body),
  });
  app.delete('/api/views/:id', {
    schema: {
      tags: ['crm'],
      summary: 'Remove a saved view',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deleteView(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
}
