import { Attention, AttentionDrillQuery, AttentionQuery, DrillResult } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { attention, attentionDrill } from './dashboard.service';

export function registerDashboardRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/dashboard/attention', {
    schema: {
      tags: ['reports'],
      summary:
        'Tasks due today and overdue, deals without a next step and stuck deals, for the people the caller sees',
      querystring: AttentionQuery,
      response: { 200: Attention, ...errorResponses },
    },
    handler: async (request) => attention(db, actorOf(request), request.query),
  });

  app.get('/api/dashboard/attention/drill', {
    schema: {
      tags: ['reports'],
      summary: 'The tasks or deals behind one of the attention numbers, oldest first',
      querystring: AttentionDrillQuery,
      response: { 200: DrillResult, ...errorResponses },
    },
    handler: async (request) => attentionDrill(db, actorOf(request), request.query),
  });
}
