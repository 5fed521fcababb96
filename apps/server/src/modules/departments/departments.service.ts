import type { CreateDepartmentBody, Department, UpdateDepartmentBody } from '@voronka/domain';
import { diffRecords } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError, invalid, notFound } from '../../http/errors';
import { type Actor, requireAdmin } from '../access/actor';
import { createdFields, writeHistory } from '../history/record-history';
import { findUser } from '../users/users.queries';
import {
  findDepartment,
  listDepartments,
  requireDepartment,
  subtreeIds,
  toDepartment,
} from './departments.queries';

export async function findDepartments(db: Kysely<DB>, actor: Actor): Promise<Department[]> {
  return (await listDepartments(db, actor.workspaceId)).map(toDepartment);
}

async function requireHead(db: Kysely<DB>, workspaceId: string, headId: string): Promise<void> {
  if (!(await findUser(db, workspaceId, headId))) throw invalid('body.headId', 'No such user');
}

export async function createDepartment(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof CreateDepartmentBody>,
) {
  requireAdmin(actor);
  return db.transaction().execute(async (trx) => {
    if (input.parentId) await requireDepartment(trx, actor.workspaceId, input.parentId, 'body.parentId');
    if (input.headId) await requireHead(trx, actor.workspaceId, input.headId);
    const row = await trx
      .insertInto('departments')
      .values({
        workspace_id: actor.workspaceId,
        name: input.name,
        parent_id: input.parentId,
        head_id: input.headId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const department = toDepartment(row);
    await writeHistory(trx, {
      workspaceId: actor.workspaceId,
      entity: 'department',
      recordId: row.id,
      actorId: actor.userId,
      action: 'create',
      changes: createdFields(department),
    });
    return department;
  });
}

export async function updateDepartment(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.output<typeof UpdateDepartmentBody>,
) {
  requireAdmin(actor);
  return db.transaction().execute(async (trx) => {
    const current = await findDepartment(trx, actor.workspaceId, id, true);
    if (!current) throw notFound('Department');
    if (input.parentId) {
      await requireDepartment(trx, actor.workspaceId, input.parentId, 'body.parentId');
      // A department cannot move under itself or under one of its own sub-departments.
      if ((await subtreeIds(trx, actor.workspaceId, id)).includes(input.parentId)) {
        throw invalid('body.parentId', 'A department cannot be placed inside itself');
      }
    }
    if (input.headId) await requireHead(trx, actor.workspaceId, input.headId);
    const row = await trx
      .updateTable('departments')
      .set({
        name: input.name ?? current.name,
        parent_id: input.parentId === undefined ? current.parent_id : input.parentId,
        head_id: input.headId === undefined ? current.head_id : input.headId,
        updated_at: new Date(),
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const department = toDepartment(row);
    await writeHistory(trx, {
      workspaceId: actor.workspaceId,
      entity: 'department',
      recordId: id,
      actorId: actor.userId,
      action: 'update',
      changes: diffRecords(toDepartment(current), department),
    });
    return department;
  });
}

export async function deleteDepartment(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  await db.transaction().execute(async (trx) => {
    const current = await findDepartment(trx, actor.workspaceId, id, true);
    if (!current) throw notFound('Department');
    const child = await trx
      .selectFrom('departments')
      .select('id')
      .where('workspace_id', '=', actor.workspaceId)
      .where('parent_id', '=', id)
      .executeTakeFirst();
    const member = await trx
      .selectFrom('users')
      .select('id')
      .where('workspace_id', '=', actor.workspaceId)
      .where('department_id', '=', id)
      .executeTakeFirst();
    if (child || member) {
      throw new AppError(
        'conflict',
        'Move its sub-departments and people elsewhere before deleting a department',
      );
    }
    await trx
      .deleteFrom('departments')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute();
    await writeHistory(trx, {
      workspaceId: actor.workspaceId,
      entity: 'department',
      recordId: id,
      actorId: actor.userId,
      action: 'delete',
      changes: [],
    });
  });
}
