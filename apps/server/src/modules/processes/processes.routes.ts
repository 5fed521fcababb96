import {
  CompleteProcessTaskBody,
  CreateProcessBody,
  IdParams,
  Ok,
  ProcessDefinition,
  ProcessDefinitionDetail,
  ProcessInstance,
  ProcessInstanceDetail,
  ProcessTask,
  ProcessTemplate,
  ProcessTriggerInput,
  processInstanceStatuses,
  SaveDraftBody,
  StartProcessBody,
} from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import {
  createDefinition,
  deleteDefinition,
  getDefinition,
  listDefinitions,
  publishDraft,
  replaceTriggers,
  saveDraft,
} from './definitions.service';
import { completeProcessTask, getProcessTask, listProcessTasks } from './inbox.service';
import { cancelInstance, getInstance, listInstances, retryIncident, startByHand } from './instances.service';
import type { Runtime } from './runtime';
import { listProcessTemplates } from './templates';

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Designer, runtime, monitor and inbox. `runtime` is null when the server runs without jobs. */
export function registerProcessRoutes(app: App, db: Kysely<DB>, runtime: Runtime | null): void {
  const tags = ['processes'];

  app.get('/api/processes', {
    schema: {
      tags,
      summary: 'Process definitions',
      response: { 200: z.object({ items: z.array(ProcessDefinition) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listDefinitions(db, actorOf(request)) }),
  });
  app.get('/api/process-templates', {
    schema: {
      tags,
      summary: 'Processes that ship ready: create one with POST /api/processes { template }',
      response: { 200: z.object({ items: z.array(ProcessTemplate) }), ...errorResponses },
    },
    handler: async (request) => {
      actorOf(request);
      return { items: listProcessTemplates() };
    },
  });
  app.post('/api/processes', {
    schema: {
      tags,
      summary:
        "Create a process (a draft: empty, from BPMN XML, or from a template in the creator's language)",
      body: CreateProcessBody,
      response: { 201: ProcessDefinitionDetail, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createDefinition(db, actorOf(request), request.body)),
  });
  app.get('/api/processes/:id', {
    schema: {
      tags,
      summary: 'A process with its draft or latest XML, versions and triggers',
      params: IdParams,
      response: { 200: ProcessDefinitionDetail, ...errorResponses },
    },
    handler: async (request) => getDefinition(db, actorOf(request), request.params.id),
  });
  app.put('/api/processes/:id/draft', {
    schema: {
      tags,
      summary: 'Save the draft (opens a new version when none is open)',
      params: IdParams,
      body: SaveDraftBody,
      response: { 200: ProcessDefinitionDetail, ...errorResponses },
    },
    handler: async (request) => saveDraft(db, actorOf(request), request.params.id, request.body),
  });
  app.post('/api/processes/:id/publish', {
    schema: {
      tags,
      summary: 'Publish the draft: 422 process_invalid lists every element the engine refuses',
      params: IdParams,
      response: { 200: ProcessDefinitionDetail, ...errorResponses },
    },
    handler: async (request) => publishDraft(db, actorOf(request), request.params.id),
  });
  app.put('/api/processes/:id/triggers', {
    schema: {
      tags,
      summary: 'Replace what starts the process by itself',
      params: IdParams,
      body: z.strictObject({ items: z.array(ProcessTriggerInput).max(50) }),
      response: { 200: ProcessDefinitionDetail, ...errorResponses },
    },
    handler: async (request) => replaceTriggers(db, actorOf(request), request.params.id, request.body.items),
  });
  app.delete('/api/processes/:id', {
    schema: {
      tags,
      summary: 'Delete a process (running instances finish)',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deleteDefinition(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
  app.post('/api/processes/:id/start', {
    schema: {
      tags,
      summary: 'Start the published version by hand, optionally on a record',
      params: IdParams,
      body: StartProcessBody,
      response: { 201: ProcessInstanceDetail, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await startByHand(db, runtime, actorOf(request), request.params.id, request.body)),
  });

  app.get('/api/process-instances', {
    schema: {
      tags,
      summary: 'Instances: running, finished, with incidents, stuck for N days, by process or record',
      querystring: z.strictObject({
        status: z.enum(processInstanceStatuses).optional(),
        definitionId: z.uuid().optional(),
        entity: z.enum(['lead', 'deal', 'contact', 'company']).optional(),
        recordId: z.uuid().optional(),
        stuckDays: z.coerce.number().int().min(0).max(3650).optional(),
        withIncidents: booleanQuery.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: z.object({ items: z.array(ProcessInstance) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listInstances(db, actorOf(request), request.query) }),
  });
  app.get('/api/process-instances/:id', {
    schema: {
      tags,
      summary: 'An instance: diagram, where its tokens are, every step, variables, incidents',
      params: IdParams,
      response: { 200: ProcessInstanceDetail, ...errorResponses },
    },
    handler: async (request) => getInstance(db, actorOf(request), request.params.id),
  });
  app.post('/api/process-instances/:id/cancel', {
    schema: {
      tags,
      summary: 'Cancel a running instance',
      params: IdParams,
      response: { 200: ProcessInstanceDetail, ...errorResponses },
    },
    handler: async (request) => cancelInstance(db, runtime, actorOf(request), request.params.id),
  });
  app.post('/api/process-incidents/:id/retry', {
    schema: {
      tags,
      summary: 'Retry a failed step, optionally with corrected variables',
      params: IdParams,
      body: z.strictObject({ variables: z.record(z.string(), z.unknown()).default({}) }),
      response: { 200: ProcessInstanceDetail, ...errorResponses },
    },
    handler: async (request) =>
      retryIncident(db, runtime, actorOf(request), request.params.id, request.body.variables),
  });

  app.get('/api/process-tasks', {
    schema: {
      tags,
      summary: 'The inbox: process tasks for me (or my role), or all visible',
      querystring: z.strictObject({
        scope: z.enum(['mine', 'all']).default('mine'),
        status: z.enum(['open', 'completed', 'cancelled']).default('open'),
        instanceId: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: z.object({ items: z.array(ProcessTask) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listProcessTasks(db, actorOf(request), request.query) }),
  });
  app.get('/api/process-tasks/:id', {
    schema: {
      tags,
      summary: 'A process task with its form',
      params: IdParams,
      response: { 200: ProcessTask, ...errorResponses },
    },
    handler: async (request) => getProcessTask(db, actorOf(request), request.params.id),
  });
  app.post('/api/process-tasks/:id/complete', {
    schema: {
      tags,
      summary: 'Complete a task: outcome (approve / reject / revise …), form values, comment',
      params: IdParams,
      body: CompleteProcessTaskBody,
      response: { 200: ProcessTask, ...errorResponses },
    },
    handler: async (request) =>
      completeProcessTask(db, runtime, actorOf(request), request.params.id, request.body),
  });
}
