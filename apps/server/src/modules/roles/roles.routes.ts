import { RoleParams, RoleSetting, UpdateRoleBody } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { changeRoleVisibility, findRoleSettings } from './roles.service';

export function registerRoleRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/roles', {
    schema: {
      tags: ['organisation'],
      summary: 'Roles and the records each one sees',
      response: { 200: z.object({ items: z.array(RoleSetting) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await findRoleSettings(db, actorOf(request)) }),
  });

  app.put('/api/roles/:role', {
    schema: {
      tags: ['organisation'],
      summary: 'Set a role’s record visibility (admins)',
      params: RoleParams,
      body: UpdateRoleBody,
      response: { 200: RoleSetting, ...errorResponses },
    },
    handler: async (request) =>
      changeRoleVisibility(db, actorOf(request), request.params.role, request.body.visibility),
  });
}
