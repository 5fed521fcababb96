import {
  CalendarItem,
  CalendarQuery,
  CreateTaskBody,
  IdParams,
  Ok,
  Task,
  TaskEntity,
  UpdateTaskBody,
} from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { findCalendar } from './calendar.service';
import { completeTask, createTask, deleteTask, findTasks, getTask, updateTask } from './tasks.service';

const timezones = new Set(Intl.supportedValuesOf('timeZone'));

const ListQuery = z.strictObject({
  scope: z.enum(['today', 'overdue', 'upcoming', 'done', 'all']).default('all'),
  assigneeId: z.uuid().optional(),
  entity: TaskEntity.optional(),
  recordId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  timezone: z
    .string()
    .refine((zone) => timezones.has(zone) || zone === 'UTC', 'Unknown time zone')
    .default('Europe/Moscow'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function registerTaskRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/tasks', {
    schema: {
      tags: ['crm'],
      summary: 'Tasks: today, overdue, upcoming, done or all; by assignee, record or date range (calendar)',
      querystring: ListQuery,
      response: { 200: z.object({ items: z.array(Task) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await findTasks(db, actorOf(request), request.query) }),
  });

  app.get('/api/tasks/:id', {
    schema: {
      tags: ['crm'],
      summary: 'One task, with its record’s title',
      params: IdParams,
      response: { 200: Task, ...errorResponses },
    },
    handler: async (request) => getTask(db, actorOf(request), request.params.id),
  });

  app.get('/api/calendar', {
    schema: {
      tags: ['crm'],
      summary: 'Tasks by deadline and meetings by time in a range (at most 62 days), in order of time',
      querystring: CalendarQuery,
      response: {
        200: z.object({
          items: z.array(CalendarItem),
          /** More than 1,000 tasks or meetings fell in the range and only the first were sent. */
          truncated: z.boolean(),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => findCalendar(db, actorOf(request), request.query),
  });

  app.post('/api/tasks', {
    schema: {
      tags: ['crm'],
      summary: 'Create a task, optionally on a record and recurring',
      body: CreateTaskBody,
      response: { 200: Task, ...errorResponses },
    },
    handler: async (request) => createTask(db, actorOf(request), request.body),
  });

  app.patch('/api/tasks/:id', {
    schema: {
      tags: ['crm'],
      summary: 'Change a task',
      params: IdParams,
      body: UpdateTaskBody,
      response: { 200: Task, ...errorResponses },
    },
    handler: async (request) => updateTask(db, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/tasks/:id/complete', {
    schema: {
      tags: ['crm'],
      summary: 'Mark done; a recurring task gets its next occurrence',
      params: IdParams,
      response: { 200: z.object({ task: Task, next: Task.nullable() }), ...errorResponses },
    },
    handler: async (request) => completeTask(db, actorOf(request), request.params.id),
  });

  app.delete('/api/tasks/:id', {
    schema: {
      tags: ['crm'],
      summary: 'Delete a task',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deleteTask(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
}
