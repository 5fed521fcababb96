import type { InstanceState, InstanceStatus, ProcessGraph, Token } from '@voronka/domain';
import { type Kysely, type Selectable, sql } from 'kysely';
import { prepared } from '../../db/prepared';
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

// The instance's tokens in their order of creation, as the engine holds them.
export const tokensOfInstance = sql<
  Token[]
>`(select coalesce(jsonb_agg(t.data order by t.created_at, t.id), '[]') from process_tokens t where t.instance_id = i.id)`;
// The instance's revision as this statement's snapshot saw it. A FOR UPDATE that waited for another step's lock
// returns the row as that step left it but evaluates everything else, the tokens included, on the older
// snapshot; the two revisions then differ and the tokens are read again.
export const seenRevision = sql<number>`(select s.revision from process_instances s where s.id = i.id)`;

// Every step runs these: planned once per connection (db/prepared.ts).
const instanceForUpdate = prepared((db, param) =>
  db
    .selectFrom('process_instances as i')
    .selectAll('i')
    .select([tokensOfInstance.as('tokens'), seenRevision.as('seen_revision')])
    .where('i.workspace_id', '=', param('workspaceId'))
    .where('i.id', '=', param('id'))
    .forUpdate('i'),
);
const tokensNow = prepared((db, param) =>
  db
    .selectFrom('process_instances as i')
    .select(tokensOfInstance.as('tokens'))
    .where('i.id', '=', param('id')),
);

export type LockedRow = InstanceRow & { tokens: Token[]; seen_revision: number };

/** The engine's view of a row locked by this transaction, its tokens re-read if the lock was waited for. */
export async function loadedFrom(trx: Trx, found: LockedRow): Promise<LoadedInstance> {
  const { tokens: seen, seen_revision, ...row } = found;
  const tokens =
    seen_revision === row.revision ? seen : (await tokensNow.run(trx, { id: row.id })).rows[0]!.tokens;
  const state: InstanceState = {
    status: row.status as InstanceStatus,
    variables: row.variables,
    tokens,
    ...(row.initiator_id && { initiator: row.initiator_id }),
  };
  return { row, state, graph: await graphOf(trx, row.workspace_id, row.version_id) };
}

/**
 * The instance with its tokens, its row locked until the transaction ends (one step at a time), read
 * in one statement.
 */
export async function lockInstance(
  trx: Trx,
  workspaceId: string,
  id: string,
): Promise<LoadedInstance | null> {
  const found = (await instanceForUpdate.run(trx, { workspaceId, id })).rows[0];
  return found ? loadedFrom(trx, found) : null;
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
  data: token,
});

export interface StepLog {
  elementId: string;
  tokenId: string | null;
  event: string;
  detail?: Record<string, unknown>;
}

const stepWrite = prepared(
  (_db, param) =>
    sql`
    with gone as (
      -- By the instance too: its few tokens sit together in one index range, and a plan made while the
      -- table looked empty (statistics from before a burst of new instances) cannot pick a scan of it all.
      delete from process_tokens where instance_id = ${param('instanceId')}::uuid and id = any(${param('gone')}::uuid[])
    ), written as (
      insert into process_tokens (id, workspace_id, instance_id, element_id, scope_id, state, message_name, correlation_key, data)
      select id, workspace_id, instance_id, element_id, scope_id, state, message_name, correlation_key, data
      from jsonb_to_recordset(${param('changed')}::jsonb) as x(
        id uuid, workspace_id uuid, instance_id uuid, element_id text, scope_id uuid, state text,
        message_name text, correlation_key text, data jsonb)
      on conflict (id) do update set element_id = excluded.element_id, scope_id = excluded.scope_id,
        state = excluded.state, message_name = excluded.message_name,
        correlation_key = excluded.correlation_key, data = excluded.data
    ), logged as (
      insert into process_steps (workspace_id, instance_id, element_id, token_id, event, actor_id, detail)
      select ${param('workspaceId')}::uuid, ${param('instanceId')}::uuid, element_id, token_id, event, ${param('actorId')}::uuid, detail
      from jsonb_to_recordset(${param('steps')}::jsonb) as s(element_id text, token_id uuid, event text, detail jsonb)
    )
    update process_instances set
      status = ${param('status')},
      variables = ${param('variables')}::jsonb,
      revision = revision + 1,
      updated_at = now(),
      ended_at = case when ${param('status')} <> 'running' then coalesce(ended_at, now()) else ended_at end
    where id = ${param('instanceId')}`,
);

/**
 * Writes what a step changed in ONE statement: tokens that went away are deleted, new and changed ones
 * upserted, the step log appended, and the instance's variables, status and revision updated. A step
 * is then begin, the lock, its effects, this, commit — few round trips, which is what persisted
 * throughput is made of; given `commit`, this statement also commits the transaction.
 */
export async function saveStep(
  trx: Trx,
  row: InstanceRow,
  before: readonly Token[],
  after: InstanceState,
  log: readonly StepLog[],
  actorId: string | null,
  commit = false,
): Promise<void> {
  const previous = new Map(before.map((token) => [token.id, JSON.stringify(token)]));
  const current = new Set(after.tokens.map((token) => token.id));
  const gone = before.filter((token) => !current.has(token.id)).map((token) => token.id);
  const changed = after.tokens
    .filter((token) => previous.get(token.id) !== JSON.stringify(token))
    .map((token) => tokenRow(row.workspace_id, row.id, token));
  const steps = log.map((entry) => ({
    element_id: entry.elementId,
    token_id: entry.tokenId,
    event: entry.event,
    detail: entry.detail ?? null,
  }));
  const values = {
    gone,
    changed: JSON.stringify(changed),
    workspaceId: row.workspace_id,
    instanceId: row.id,
    steps: JSON.stringify(steps),
    actorId,
    status: after.status,
    variables: JSON.stringify(after.variables),
  };
  // The step's write is a completion's last statement: its COMMIT can travel with it.
  if (commit) await stepWrite.runFused(trx, values, 'commit');
  else await stepWrite.run(trx, values);
}
