import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import type { App } from '../../http/route-types';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

export function registerHealthRoutes(app: App, db: Kysely<DB>, engine: 'pglite' | 'postgres'): void {
  app.get('/api/health', {
    config: { public: true },
    schema: { tags: ['system'], summary: 'Liveness with a database round trip', response: { 200: Health } },
    handler: async () => {
      await sql`select 1`.execute(db);
      return { status: 'ok' as const, database: engine };
    },
  });
}
