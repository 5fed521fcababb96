import type { Effect, Role } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { prepared } from '../../db/prepared';
import type { DB } from '../../db/schema';
import type { InstanceRow } from './instances.queries';
import type { Runtime } from './runtime';

type Trx = Kysely<DB>;
type CreateTask = Extract<Effect, { type: 'createUserTask' }>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The person a user task goes to: a named user, the head of a department (the initiator's when none
 * is named), or nobody yet with a role as candidates (anyone with that role may take it). A user who
 * is not in the workspace or is inactive falls back to the initiator, so a task is never lost.
 */
async function resolveAssignee(
  trx: Trx,
  row: InstanceRow,
  assignee: CreateTask['assignee'],
): Promise<{ assigneeId: string | null; candidateRole: string | null }> {
  const found = await findAssignee(trx, row, assignee);
  if (found.assigneeId || found.candidateRole) return found;
  // Nobody resolved (no initiator, no head, an inactive user): the workspace owner gets the task,
  // so it is never left in no one's inbox.
  const owner = await trx
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', row.workspace_id)
    .where('role', '=', 'owner')
    .where('active', '=', true)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return { assigneeId: owner?.id ?? null, candidateRole: owner ? null : 'owner' };
}

// Checked for nearly every task a process creates.
const activeUserQuery = prepared((db, param) =>
  db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', param('workspaceId'))
    .where('id', '=', param('id'))
    .where('active', '=', true),
);

// Users found active (or not) during one step; the step's instance row is the same object throughout it.
const checkedUsers = new WeakMap<InstanceRow, Map<string, string | null>>();
function checkedInStep(row: InstanceRow): Map<string, string | null> {
  let seen = checkedUsers.get(row);
  if (!seen) {
    seen = new Map();
    checkedUsers.set(row, seen);
  }
  return seen;
}

async function findAssignee(
  trx: Trx,
  row: InstanceRow,
  assignee: CreateTask['assignee'],
): Promise<{ assigneeId: string | null; candidateRole: string | null }> {
  const activeUser = async (id: string | null | undefined) => {
    if (!id || !uuid.test(id)) return null;
    // A parallel fork gives the same person several tasks in one step: they are looked up once.
    const seen = checkedInStep(row);
    if (seen.has(id)) return seen.get(id) ?? null;
    const user = (await activeUserQuery.run(trx, { workspaceId: row.workspace_id, id })).rows[0];
    seen.set(id, user?.id ?? null);
    return user?.id ?? null;
  };
  if (!assignee) return { assigneeId: row.initiator_id, candidateRole: null };
  if (assignee.kind === 'role') return { assigneeId: null, candidateRole: assignee.value };
  if (assignee.kind === 'departmentHead') {
    const department = await trx
      .selectFrom('departments')
      .select('head_id')
      .where('workspace_id', '=', row.workspace_id)
      .where((eb) =>
        assignee.value && uuid.test(assignee.value)
          ? eb('id', '=', assignee.value)
          : eb(
              'id',
              '=',
              eb
                .selectFrom('users')
                .select('department_id')
                .where('workspace_id', '=', row.workspace_id)
                .where('id', '=', row.initiator_id ?? '00000000-0000-0000-0000-000000000000'),
            ),
      )
      .executeTakeFirst();
    return { assigneeId: (await activeUser(department?.head_id)) ?? row.initiator_id, candidateRole: null };
  }
  return { assigneeId: (await activeUser(assignee.value)) ?? row.initiator_id, candidateRole: null };
}

/** Puts a user task in its assignee's inbox and tells them live. */
export async function createProcessTask(
  trx: Trx,
  runtime: Runtime,
  row: InstanceRow,
  effect: CreateTask,
): Promise<Record<string, unknown>> {
  const { assigneeId, candidateRole } = await resolveAssignee(trx, row, effect.assignee);
  const name = effect.name ?? effect.elementId;
  const task = await trx
    .insertInto('process_tasks')
    .values({
      workspace_id: row.workspace_id,
      instance_id: row.id,
      token_id: effect.tokenId,
      element_id: effect.elementId,
      name,
      assignee_id: assigneeId,
      candidate_role: candidateRole,
      form: JSON.stringify(effect.form),
      decisions: JSON.stringify(effect.decisions ?? []),
      due_at: effect.dueAt ?? null,
      values: JSON.stringify(effect.item === undefined ? {} : { item: effect.item }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The assignee hears of it live; a task offered to a role, everyone who has that role.
  const userIds = assigneeId
    ? [assigneeId]
    : (
        await trx
          .selectFrom('users')
          .select('id')
          .where('workspace_id', '=', row.workspace_id)
          .where('role', '=', candidateRole as Role)
          .where('active', '=', true)
          .execute()
      ).map((user) => user.id);
  if (userIds.length > 0) {
    runtime.notify({
      workspaceId: row.workspace_id,
      userIds,
      event: { type: 'notification', title: name, link: `/inbox/${task.id}` },
    });
  }
  return { taskId: task.id, assigneeId, candidateRole };
}
