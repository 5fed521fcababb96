import { Activity, ActivityEntity, CreateActivityBody, TimelineItem } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { createActivity, reviewsOf, timelineOf } from './activities.service';

export function registerActivityRoutes(app: App, db: Kysely<DB>): void {
  app.post('/api/activities', {
    schema: {
      tags: ['crm'],
      summary: 'Log a call, meeting, email, note or comment (with @mentions) on a record',
      body: CreateActivityBody,
      response: { 200: Activity, ...errorResponses },
    },
    handler: async (request) => createActivity(db, actorOf(request), request.body),
  });

  app.get('/api/timeline/:entity/:id', {
    schema: {
      tags: ['crm'],
      summary: 'A record’s timeline: activities, tasks and changes, newest first',
      params: z.strictObject({ entity: ActivityEntity, id: z.uuid() }),
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ items: z.array(TimelineItem) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: await timelineOf(
        db,
        actorOf(request),
        request.params.entity,
        request.params.id,
        request.query.limit,
      ),
    }),
  });

  app.get('/api/reviews/:entity/:id', {
    schema: {
      tags: ['crm'],
      summary:
        'Client reviews on a company, contact or deal (and on the client’s deals); hasNegative flags the card',
      params: z.strictObject({ entity: z.enum(['company', 'contact', 'deal']), id: z.uuid() }),
      response: { 200: z.object({ items: z.array(Activity), hasNegative: z.boolean() }), ...errorResponses },
    },
    handler: async (request) => reviewsOf(db, actorOf(request), request.params.entity, request.params.id),
  });
}
