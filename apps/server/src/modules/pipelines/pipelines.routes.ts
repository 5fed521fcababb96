import { IdParams, Ok, Pipeline, SavePipelineBody } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import {
  createPipeline,
  deletePipeline,
  findPipelines,
  getPipeline,
  updatePipeline,
} from './pipelines.service';
import { renderRegulation } from './regulation-html';

export function registerPipelineRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/pipelines', {
    schema: {
      tags: ['crm'],
      summary: 'Pipelines with their stages and regulations',
      response: { 200: z.object({ items: z.array(Pipeline) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await findPipelines(db, actorOf(request)) }),
  });

  app.get('/api/pipelines/:id', {
    schema: {
      tags: ['crm'],
      summary: 'One pipeline',
      params: IdParams,
      response: { 200: Pipeline, ...errorResponses },
    },
    handler: async (request) => getPipeline(db, actorOf(request), request.params.id),
  });

  app.get('/api/pipelines/:id/regulation', {
    schema: {
      tags: ['crm'],
      summary: 'The pipeline as a printable one-page regulation (HTML)',
      params: IdParams,
      querystring: z.strictObject({ locale: z.enum(['ru', 'en']).default('ru') }),
    },
    handler: async (request, reply) => {
      const pipeline = await getPipeline(db, actorOf(request), request.params.id);
      return reply.type('text/html; charset=utf-8').send(renderRegulation(pipeline, request.query.locale));
    },
  });

  app.post('/api/pipelines', {
    schema: {
      tags: ['crm'],
      summary: 'Create a pipeline (admins)',
      body: SavePipelineBody,
      response: { 200: Pipeline, ...errorResponses },
    },
    handler: async (request) => createPipeline(db, actorOf(request), request.body),
  });

  app.put('/api/pipelines/:id', {
    schema: {
      tags: ['crm'],
      summary: 'Replace a pipeline’s name and stages; stages keep their ids (admins)',
      params: IdParams,
      body: SavePipelineBody,
      response: { 200: Pipeline, ...errorResponses },
    },
    handler: async (request) => updatePipeline(db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/pipelines/:id', {
    schema: {
      tags: ['crm'],
      summary: 'Delete a pipeline without deals (admins)',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deletePipeline(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
}
