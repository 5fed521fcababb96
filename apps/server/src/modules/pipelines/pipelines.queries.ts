import { type Pipeline, type Stage, StageRegulation } from '@voronka/domain';
import type { Kysely, Selectable } from 'kysely';
import type { DB, PipelinesTable, StagesTable } from '../../db/schema';

export function toStage(row: Selectable<StagesTable>): Stage {
  return {
    id: row.id,
    pipelineId: row.pipeline_id,
    name: row.name,
    position: row.position,
    kind: row.kind,
    probability: row.probability,
    regulation: StageRegulation.parse(row.regulation ?? {}),
    exitRequirements: (row.exit_requirements ?? []) as Stage['exitRequirements'],
    handoffFunction: row.handoff_function,
  };
}

function toPipeline(row: Selectable<PipelinesTable>, stages: Stage[]): Pipeline {
  return { id: row.id, name: row.name, kind: row.kind, position: row.position, stages };
}

/** Every pipeline of the workspace with its stages in order, in two queries. */
export async function listPipelines(db: Kysely<DB>, workspaceId: string): Promise<Pipeline[]> {
  const [pipelines, stages] = await Promise.all([
    db
      .selectFrom('pipelines')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('position')
      .orderBy('created_at')
      .execute(),
    db.selectFrom('stages').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').execute(),
  ]);
  return pipelines.map((pipeline) =>
    toPipeline(pipeline, stages.filter((stage) => stage.pipeline_id === pipeline.id).map(toStage)),
  );
}

export async function findPipeline(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
): Promise<Pipeline | undefined> {
  const row = await db
    .selectFrom('pipelines')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const stages = await db
    .selectFrom('stages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', id)
    .orderBy('position')
    .execute();
  return toPipeline(row, stages.map(toStage));
}

export async function countDealsByStage(
  db: Kysely<DB>,
  workspaceId: string,
  pipelineId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('deals')
    .select(['stage_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .groupBy('stage_id')
    .execute();
  return new Map(rows.map((row) => [row.stage_id, Number(row.count)]));
}
