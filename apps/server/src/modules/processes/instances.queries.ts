import type { InstanceState, InstanceStatus, ProcessGraph, Token } from '@voronka/domain';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { ProcessInstancesTable } from '../../db/schema-processes';

type Trx = Kysely<DB>;
export type InstanceRow = Selectable<ProcessInstancesTable>;

export interface LoadedInstance {
  row: InstanceRow;
  state: InstanceState;
  graph: ProcessGraph;
}

// Published versions never change, so their compiled graphs are cached for the process's lifetime.
const graphs = new Map<string, ProcessGraph>();

export async function graphOf(trx: Trx, workspaceId: string, versionId: string): Promise<ProcessGraph> {
  const cached = graphs.get(versionId);
  if (cached) return cached;
  const version = await trx
    .selectFrom('process_versions')
    .select(['graph', 'status'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  const graph = version.graph as ProcessGraph;
  if (version.status !== 'draft') graphs.set(versionId, graph);
  return graph;
}

/** The instance with its tokens, its row locked until the transaction ends (one step at a time). */
export async function lockInstance(
  trx: Trx,
  workspaceId: string,
  id: string,
): Promise<LoadedInstance | null> {
  const row = await trx
    .selectFrom('process_instances')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return null;
  const tokens = await trx
    .selectFrom('process_tokens')
    .select('data')
    .where('instance_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const state: InstanceState = {
    status: row.status as InstanceStatus,
    variables: row.variables,
    tokens: tokens.map((token) => token.data as unknown as Token),
    ...(row.initiator_id && { initiator: row.initiator_id }),
  };
  return { row, state, graph: await graphOf(trx, workspaceId, row.version_id) };
}

const tokenRow = (workspaceId: string, instanceId: string, token: Token) => ({
  id: token.id,
  workspace_id: workspaceId,
  instance_id: instanceId,
  element_id: token.elementId,
  scope_id: token.scopeId ?? null,
  state: token.wait,
  message_name: token.message?.name ?? null,
  correlation_key: token.message?.correlationKey ?? null,
  data: JSON.stringify(token),
});

/**
 * Writes the instance's new state: only tokens that appeared, changed or went away are touched, and
 * the revision goes up by one, so the row history shows every step.
 */
export async function saveInstance(
  trx: Trx,
  row: InstanceRow,
  before: readonly Token[],
  after: InstanceState,
): Promise<void> {
  const previous = new Map(before.map((token) => [token.id, JSON.stringify(token)]));
  const current = new Set(after.tokens.map((token) => token.id));
  const gone = before.filter((token) => !current.has(token.id)).map((token) => token.id);
  const changed = after.tokens.filter((token) => previous.get(token.id) !== JSON.stringify(token));
  if (gone.length > 0 || changed.length > 0) {
    const ids = [...gone, ...changed.filter((token) => previous.has(token.id)).map((token) => token.id)];
    if (ids.length > 0) await trx.deleteFrom('process_tokens').where('id', 'in', ids).execute();
    if (changed.length > 0) {
      await trx
        .insertInto('process_tokens')
        .values(changed.map((token) => tokenRow(row.workspace_id, row.id, token)))
        .execute();
    }
  }
  const ended = after.status !== 'running';
  await trx
    .updateTable('process_instances')
    .set({
      status: after.status,
      variables: JSON.stringify(after.variables),
      revision: sql`revision + 1`,
      updated_at: sql`now()`,
      ...(ended && row.ended_at === null && { ended_at: sql`now()` }),
    })
    .where('id', '=', row.id)
    .execute();
}
