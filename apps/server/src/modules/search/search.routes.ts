import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { search } from './search.service';

const SearchHit = z
  .object({
    entity: z.enum(['lead', 'contact', 'company', 'deal']),
    id: z.uuid(),
    title: z.string(),
    subtitle: z.string().nullable(),
    matchedOn: z.enum(['name', 'phone', 'email', 'inn']),
  })
  .meta({ id: 'SearchHit' });

export function registerSearchRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/search', {
    schema: {
      tags: ['crm'],
      summary: 'Search leads, contacts, companies and deals by name, phone in any format, email or INN',
      querystring: z.strictObject({
        q: z.string().trim().min(1).max(200),
        perKind: z.coerce.number().int().min(1).max(50).default(8),
      }),
      response: { 200: z.object({ items: z.array(SearchHit) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: await search(db, actorOf(request), request.query.q, request.query.perKind),
    }),
  });
}
