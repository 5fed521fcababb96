import { CreateDepartmentBody, Department, IdParams, Ok, UpdateDepartmentBody } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { createDepartment, deleteDepartment, findDepartments, updateDepartment } from './departments.service';

export function registerDepartmentRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/departments', {
    schema: {
      tags: ['organisation'],
      summary: 'The department tree as a flat list',
      response: { 200: z.object({ items: z.array(Department) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await findDepartments(db, actorOf(request)) }),
  });

  app.post('/api/departments', {
    schema: {
      tags: ['organisation'],
      summary: 'Create a department (admins)',
      body: CreateDepartmentBody,
      response: { 200: Department, ...errorResponses },
    },
    handler: async (request) => createDepartment(db, actorOf(request), request.body),
  });

  app.patch('/api/departments/:id', {
    schema: {
      tags: ['organisation'],
      summary: 'Rename, move or change the head (admins)',
      params: IdParams,
      body: UpdateDepartmentBody,
      response: { 200: Department, ...errorResponses },
    },
    handler: async (request) => updateDepartment(db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/departments/:id', {
    schema: {
      tags: ['organisation'],
      summary: 'Delete an empty department (admins)',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deleteDepartment(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
}
