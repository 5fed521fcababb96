import { IdParams, UpdateUserBody, User } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { changeUser, findUsers } from './users.service';

export function registerUserRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/users', {
    schema: {
      tags: ['organisation'],
      summary: 'Everyone in the workspace',
      response: { 200: z.object({ items: z.array(User) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await findUsers(db, actorOf(request)) }),
  });

  app.patch('/api/users/:id', {
    schema: {
      tags: ['organisation'],
      summary: 'Change a user’s role, function, department or status (admins)',
      params: IdParams,
      body: UpdateUserBody,
      response: { 200: User, ...errorResponses },
    },
    handler: async (request) => changeUser(db, actorOf(request), request.params.id, request.body),
  });
}
