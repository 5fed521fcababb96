import type { Pipeline, SavePipelineBody } from '@voronka/domain';
import { diffRecords, validatePipelineStages } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError, notFound } from '../../http/errors';
import { type Actor, requireAdmin } from '../access/actor';
import { writeHistory } from '../history/record-history';
import { defaultFulfilmentPipeline, defaultSalesPipeline } from './default-pipelines';
import { countDealsByStage, findPipeline, listPipelines } from './pipelines.queries';

export function findPipelines(db: Kysely<DB>, actor: Actor): Promise<Pipeline[]> {
  return listPipelines(db, actor.workspaceId);
}

export async function getPipeline(db: Kysely<DB>, actor: Actor, id: string): Promise<Pipeline> {
  const pipeline = await findPipeline(db, actor.workspaceId, id);
  if (!pipeline) throw notFound('Pipeline');
  return pipeline;
}

function assertValid(input: SavePipelineBody): void {
  const issues = validatePipelineStages(input.stages);
  if (issues.length > 0)
    throw new AppError('validation_failed', `${issues[0]?.path}: ${issues[0]?.message}`, issues);
}

/** Writes stages in the given order: existing ids are updated, new ones inserted, missing ones removed. */
async function writeStages(
  trx: Kysely<DB>,
  workspaceId: string,
  pipelineId: string,
  stages: SavePipelineBody['stages'],
): Promise<void> {
  const existing = await trx
    .selectFrom('stages')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .execute();
  const existingIds = new Set(existing.map((row) => row.id));
  stages.forEach((stage, i) => {
    if (stage.id && !existingIds.has(stage.id))
      throw new AppError('validation_failed', `body.stages.${i}.id: not a stage of this pipeline`, [
        { path: `body.stages.${i}.id`, message: 'Not a stage of this pipeline' },
      ]);
  });
  const kept = new Set(stages.flatMap((stage) => (stage.id ? [stage.id] : [])));
  const removed = [...existingIds].filter((id) => !kept.has(id));
  if (removed.length > 0) {
    const counts = await countDealsByStage(trx, workspaceId, pipelineId);
    const busy = removed.filter((id) => (counts.get(id) ?? 0) > 0);
    if (busy.length > 0)
      throw new AppError('conflict', 'Move the deals out of a stage before removing it', { stageIds: busy });
    await trx
      .deleteFrom('stages')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', removed)
      .execute();
  }
  for (const [position, stage] of stages.entries()) {
    const values = {
      name: stage.name,
      position: position + 1,
      kind: stage.kind,
      probability: stage.probability,
      regulation: JSON.stringify(stage.regulation),
      exit_requirements: JSON.stringify(stage.exitRequirements),
      handoff_function: stage.handoffFunction,
    };
    if (stage.id)
      await trx
        .updateTable('stages')
        .set(values)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', stage.id)
        .execute();
    else
      await trx
        .insertInto('stages')
        .values({ ...values, workspace_id: workspaceId, pipeline_id: pipelineId })
        .execute();
  }
}

export async function insertPipeline(
  trx: Kysely<DB>,
  workspaceId: string,
  input: SavePipelineBody,
  position: number,
): Promise<string> {
  const row = await trx
    .insertInto('pipelines')
    .values({ workspace_id: workspaceId, name: input.name, kind: input.kind, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeStages(trx, workspaceId, row.id, input.stages);
  return row.id;
}

/** A new workspace gets the standard B2B funnel and a fulfilment pipeline. */
export async function createDefaultPipelines(trx: Kysely<DB>, workspaceId: string): Promise<void> {
  await insertPipeline(trx, workspaceId, defaultSalesPipeline, 1);
  await insertPipeline(trx, workspaceId, defaultFulfilmentPipeline, 2);
}

export async function createPipeline(
  db: Kysely<DB>,
  actor: Actor,
  input: SavePipelineBody,
): Promise<Pipeline> {
  requireAdmin(actor);
  assertValid(input);
  if (input.stages.some((stage) => stage.id))
    throw new AppError('validation_failed', 'body.stages: a new pipeline has no stage ids', [
      { path: 'body.stages', message: 'A new pipeline has no stage ids' },
    ]);
  const id = await db.transaction().execute(async (trx) => {
    const count = await trx
      .selectFrom('pipelines')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('workspace_id', '=', actor.workspaceId)
      .executeTakeFirstOrThrow();
    const pipelineId = await insertPipeline(trx, actor.workspaceId, input, Number(count.n) + 1);
    await writeHistory(trx, {
      workspaceId: actor.workspaceId,
      entity: 'pipeline',
      recordId: pipelineId,
      actorId: actor.userId,
      action: 'create',
      changes: [{ field: 'name', oldValue: null, newValue: input.name }],
    });
    return pipelineId;
  });
  return getPipeline(db, actor, id);
}

export async function updatePipeline(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: SavePipelineBody,
): Promise<Pipeline> {
  requireAdmin(actor);
  assertValid(input);
  await db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('pipelines')
      .select('id')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw notFound('Pipeline');
    const before = await findPipeline(trx, actor.workspaceId, id);
    await trx
      .updateTable('pipelines')
      .set({ name: input.name, kind: input.kind })
      .where('id', '=', id)
      .execute();
    await writeStages(trx, actor.workspaceId, id, input.stages);
    const after = await findPipeline(trx, actor.workspaceId, id);
    const shape = (pipeline: Pipeline | undefined) => ({
      name: pipeline?.name,
      kind: pipeline?.kind,
      stages: pipeline?.stages.map(({ pipelineId: _, ...stage }) => stage),
    });
    await writeHistory(trx, {
      workspaceId: actor.workspaceId,
      entity: 'pipeline',
      recordId: id,
      actorId: actor.userId,
      action: 'update',
      changes: diffRecords(shape(before), shape(after)),
    });
  });
  return getPipeline(db, actor, id);
}

export async function deletePipeline(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  await db.transaction().execute(async (trx) => {
    const pipeline = await trx
      .selectFrom('pipelines')
      .select('id')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!pipeline) throw notFound('Pipeline');
    const deal = await trx
      .selectFrom('deals')
      .select('id')
      .where('workspace_id', '=', actor.workspaceId)
      .where('pipeline_id', '=', id)
      .executeTakeFirst();
    if (deal)
      throw new AppError(
        'conflict',
        'A pipeline with deals cannot be deleted; move or delete its deals first',
      );
    await trx
      .deleteFrom('pipelines')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute();
    await writeHistory(trx, {
      workspaceId: actor.workspaceId,
      entity: 'pipeline',
      recordId: id,
      actorId: actor.userId,
      action: 'delete',
      changes: [],
    });
  });
}
