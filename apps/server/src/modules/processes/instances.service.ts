import type { ProcessInstance, ProcessInstanceDetail, StartProcessBody, Token } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { requireVisibleRecord } from '../access/records';
import { withRecordTitles } from '../tasks/record-titles';
import { requireProcessEditor } from './process-actor';
import { recordVariables } from './record-variables';
import { advance, type Runtime, requireRuntime, startInstance } from './runtime';

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** Token states that wait for something outside the engine: a person, a time, a message, a child. */
const waitingStates = ['userTask', 'timer', 'message', 'action', 'child', 'incident', 'eventGateway'];

/** Instances with where their tokens wait, each element named from the version's compiled graph. */
function baseQuery(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('process_instances as i')
    .innerJoin('process_definitions as d', 'd.id', 'i.definition_id')
    .innerJoin('process_versions as v', 'v.id', 'i.version_id')
    .select([
      'i.id',
      'i.workspace_id',
      'i.definition_id',
      'd.name as definition_name',
      'v.version',
      'i.status',
      'i.entity',
      'i.record_id',
      'i.initiator_id',
      'i.incidents',
      'i.started_at',
      'i.updated_at',
      'i.ended_at',
    ])
    .select(
      sql<{ elementId: string; name: string | null }[]>`(
        select coalesce(jsonb_agg(jsonb_build_object(
            'elementId', w.element_id, 'name', v.graph -> 'elements' -> w.element_id ->> 'name')
          order by w.element_id), '[]')
        from (select distinct t.element_id from process_tokens t
              where t.instance_id = i.id and t.state in (${sql.join(waitingStates)})) as w
      )`.as('waiting_steps'),
    )
    .where('i.workspace_id', '=', actor.workspaceId)
    .$if(actor.visibility === 'own', (query) =>
      query.where((eb) =>
        eb.or([
          eb('i.initiator_id', '=', actor.userId),
          eb.exists(
            eb
              .selectFrom('process_tasks as pt')
              .select('pt.id')
              .whereRef('pt.instance_id', '=', 'i.id')
              .where('pt.assignee_id', '=', actor.userId),
          ),
        ]),
      ),
    );
}

type InstanceListRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>> & {
  record_title: string | null;
};

function toInstance(row: InstanceListRow): ProcessInstance {
  return {
    id: row.id,
    definitionId: row.definition_id,
    definitionName: row.definition_name,
    version: row.version,
    status: row.status as ProcessInstance['status'],
    entity: row.entity,
    recordId: row.record_id,
    recordTitle: row.record_title,
    initiatorId: row.initiator_id,
    incidents: row.incidents,
    waitingAt: row.waiting_steps.map((step) => step.elementId),
    waitingSteps: row.waiting_steps,
    startedAt: row.started_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    endedAt: iso(row.ended_at),
  };
}

export interface InstanceFilter {
  status?: string;
  definitionId?: string;
  entity?: string;
  recordId?: string;
  /** Running and not moved for at least this many days. */
  stuckDays?: number;
  withIncidents?: boolean;
  limit: number;
}

/** Instances visible to the actor: admins and heads see all, others those they started or hold a task in. */
export async function listInstances(
  db: Kysely<DB>,
  actor: Actor,
  filter: InstanceFilter,
): Promise<ProcessInstance[]> {
  let query = baseQuery(db, actor);
  if (filter.status) query = query.where('i.status', '=', filter.status);
  if (filter.definitionId) query = query.where('i.definition_id', '=', filter.definitionId);
  if (filter.entity) query = query.where('i.entity', '=', filter.entity);
  if (filter.recordId) query = query.where('i.record_id', '=', filter.recordId);
  if (filter.withIncidents) query = query.where('i.incidents', '>', 0);
  if (filter.stuckDays !== undefined) {
    query = query
      .where('i.status', '=', 'running')
      .where('i.updated_at', '<', sql<Date>`now() - make_interval(days => ${filter.stuckDays})`);
  }
  const chosen = query.orderBy('i.updated_at', 'desc').limit(filter.limit);
  const { rows } = await withRecordTitles(actor, chosen, sql`updated_at desc`).execute(db);
  return rows.map(toInstance);
}

export async function getInstance(db: Kysely<DB>, actor: Actor, id: string): Promise<ProcessInstanceDetail> {
  const { rows } = await withRecordTitles(
    actor,
    baseQuery(db, actor).select(['v.xml', 'i.variables']).where('i.id', '=', id),
  ).execute(db);
  const row = rows[0];
  if (!row) throw notFound('Process instance');
  const [tokens, steps, incidents] = await Promise.all([
    db
      .selectFrom('process_tokens')
      .select(['data'])
      .where('instance_id', '=', id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('process_steps')
      .select(['id', 'element_id', 'token_id', 'event', 'actor_id', 'detail', 'at'])
      .where('instance_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('process_incidents')
      .select(['id', 'token_id', 'element_id', 'message', 'created_at', 'resolved_at'])
      .where('instance_id', '=', id)
      .orderBy('created_at')
      .execute(),
  ]);
  return {
    ...toInstance(row),
    xml: row.xml,
    variables: row.variables,
    tokens: tokens.map(({ data }) => {
      const token = data as unknown as Token;
      return { id: token.id, elementId: token.elementId, wait: token.wait };
    }),
    steps: steps.map((step) => ({
      id: String(step.id),
      elementId: step.element_id,
      tokenId: step.token_id,
      event: step.event,
      actorId: step.actor_id,
      detail: step.detail,
      at: step.at.toISOString(),
    })),
    incidentList: incidents.map((incident) => ({
      id: incident.id,
      tokenId: incident.token_id,
      elementId: incident.element_id,
      message: incident.message,
      createdAt: incident.created_at.toISOString(),
      resolvedAt: iso(incident.resolved_at),
    })),
  };
}

/**
 * A process made for one kind of record starts only on such a record; one made to run without a record
 * starts only without one. Refused with 422, naming `body.entity`.
 */
function requireRunsOn(runsOn: string | null, entity: string | undefined): void {
  if ((entity ?? null) === runsOn) return;
  const message = runsOn
    ? entity
      ? `This process runs on a ${runsOn}, not on a ${entity}`
      : `This process runs on a ${runsOn}: start it from one`
    : 'This process runs without a record: start it without one';
  throw new AppError('process_invalid', message, [
    { path: 'body.entity', message, code: 'runs_on_mismatch', runsOn },
  ]);
}

/** Starts the published version by hand, from a record card or a list; the record becomes variables. */
export async function startByHand(
  db: Kysely<DB>,
  runtime: Runtime | null,
  actor: Actor,
  definitionId: string,
  input: z.output<typeof StartProcessBody>,
): Promise<ProcessInstanceDetail> {
  if ((input.entity === undefined) !== (input.recordId === undefined))
    throw new AppError('validation_failed', 'Give both entity and recordId, or neither', [
      { path: 'body.recordId', message: 'Give both entity and recordId, or neither' },
    ]);
  const id = await db.transaction().execute(async (trx) => {
    const version = await trx
      .selectFrom('process_versions as v')
      .innerJoin('process_definitions as d', 'd.id', 'v.definition_id')
      .select(['v.id', 'd.runs_on'])
      .where('v.workspace_id', '=', actor.workspaceId)
      .where('v.definition_id', '=', definitionId)
      .where('d.deleted_at', 'is', null)
      .where('v.status', '=', 'published')
      .orderBy('v.version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!version) throw new AppError('conflict', 'The process has no published version to start');
    requireRunsOn(version.runs_on, input.entity);
    let variables = input.variables;
    if (input.entity && input.recordId) {
      await requireVisibleRecord(trx, actor, input.entity, input.recordId, 'body.recordId');
      variables = {
        ...(await recordVariables(trx, actor.workspaceId, input.entity, input.recordId)),
        ...variables,
      };
    }
    return startInstance(trx, requireRuntime(runtime), {
      workspaceId: actor.workspaceId,
      versionId: version.id,
      definitionId,
      variables,
      initiatorId: actor.userId,
      entity: input.entity ?? null,
      recordId: input.recordId ?? null,
      commit: true,
    });
  });
  return getInstance(db, actor, id);
}

export async function cancelInstance(
  db: Kysely<DB>,
  runtime: Runtime | null,
  actor: Actor,
  id: string,
): Promise<ProcessInstanceDetail> {
  requireProcessEditor(actor);
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('process_instances')
      .select('status')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Process instance');
    if (row.status !== 'running') throw new AppError('conflict', 'The instance is not running');
    await advance(trx, requireRuntime(runtime), actor.workspaceId, id, actor.userId, { type: 'cancel' });
  });
  return getInstance(db, actor, id);
}

/** Retries a failed step after its cause was fixed, optionally with corrected variables. */
export async function retryIncident(
  db: Kysely<DB>,
  runtime: Runtime | null,
  actor: Actor,
  incidentId: string,
  variables: Record<string, unknown>,
): Promise<ProcessInstanceDetail> {
  requireProcessEditor(actor);
  const instanceId = await db.transaction().execute(async (trx) => {
    const incident = await trx
      .selectFrom('process_incidents')
      .select(['instance_id', 'token_id', 'resolved_at'])
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', incidentId)
      .forUpdate()
      .executeTakeFirst();
    if (!incident) throw notFound('Incident');
    if (incident.resolved_at) throw new AppError('conflict', 'The incident is already resolved');
    await trx
      .updateTable('process_incidents')
      .set({ resolved_at: sql`now()`, resolved_by: actor.userId, resolution: 'retried' })
      .where('id', '=', incidentId)
      .execute();
    await trx
      .updateTable('process_instances')
      .set({ incidents: sql`greatest(incidents - 1, 0)` })
      .where('id', '=', incident.instance_id)
      .execute();
    await advance(trx, requireRuntime(runtime), actor.workspaceId, incident.instance_id, actor.userId, {
      type: 'retryIncident',
      tokenId: incident.token_id,
      variables,
    });
    return incident.instance_id;
  });
  return getInstance(db, actor, instanceId);
}
