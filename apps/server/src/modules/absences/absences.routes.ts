import { Absence, AbsencesQuery } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { listAbsences } from './absences.service';

export function registerAbsenceRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/absences', {
    schema: {
      tags: ['absences'],
      summary: 'The absence chart: vacations, sick leave, time off and trips overlapping from..to (days)',
      querystring: AbsencesQuery,
      response: { 200: z.object({ items: z.array(Absence) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listAbsences(db, actorOf(request), request.query) }),
  });
}
