import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { correlateMessage } from './messages.service';
import type { Runtime } from './runtime';

export function registerProcessMessageRoutes(app: App, db: Kysely<DB>, runtime: Runtime | null): void {
  app.post('/api/process-messages', {
    schema: {
      tags: ['processes'],
      summary:
        'Deliver a message to waiting instances (by name and correlation key) and start processes that begin with it',
      body: z.strictObject({
        name: z.string().trim().min(1).max(200),
        correlationKey: z.string().max(500).optional(),
        variables: z.record(z.string(), z.unknown()).default({}),
      }),
      response: {
        200: z.object({ delivered: z.number().int(), started: z.number().int() }),
        ...errorResponses,
      },
    },
    handler: async (request) => correlateMessage(db, runtime, actorOf(request), request.body),
  });
}
