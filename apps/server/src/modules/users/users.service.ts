import type { UpdateProfileBody, UpdateUserBody, User } from '@voronka/domain';
import { canAssignRole, diffRecords } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../http/errors';
import { type Actor, requireAdmin } from '../access/actor';
import { deleteUserSessions } from '../auth/sessions.queries';
import { requireDepartment } from '../departments/departments.queries';
import { writeHistory } from '../history/record-history';
import { countActiveOwners, findUserForUpdate, listUsers, toUser, updateUser } from './users.queries';

export async function findUsers(db: Kysely<DB>, actor: Actor): Promise<User[]> {
  return (await listUsers(db, actor.workspaceId)).map(toUser);
}

export async function changeUser(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: UpdateUserBody,
): Promise<User> {
  requireAdmin(actor);
  return db.transaction().execute(async (trx) => {
    const current = await findUserForUpdate(trx, actor.workspaceId, id);
    if (!current) throw notFound('User');
    // Only an owner may change an owner in any way, or hand the owner role to anyone.
    if (current.role === 'owner' && actor.role !== 'owner')
      throw forbidden('Only an owner can change an owner');
    if (input.role && input.role !== current.role) {
      if (!canAssignRole(actor.role, input.role) || !canAssignRole(actor.role, current.role)) {
        throw forbidden('Only an owner can change who is an owner');
      }
    }
    if (input.departmentId)
      await requireDepartment(trx, actor.workspaceId, input.departmentId, 'body.departmentId');
    const updated = await updateUser(trx, actor.workspaceId, id, {
      name: input.name,
      role: input.role,
      function: input.function,
      department_id: input.departmentId,
      active: input.active,
    });
    if (current.role === 'owner' && current.active && (updated.role !== 'owner' || !updated.active)) {
      if ((await countActiveOwners(trx, actor.workspaceId)) === 0) {
        throw new AppError('conflict', 'A workspace must keep at least one active owner');
      }
    }
    if (!updated.active) await deleteUserSessions(trx, actor.workspaceId, id, null);
    const user = toUser(updated);
    await writeHistory(trx, {
      workspaceId: actor.workspaceId,
      entity: 'user',
      recordId: id,
      actorId: actor.userId,
      action: 'update',
      changes: diffRecords(toUser(current), user),
    });
    return user;
  });
}

export async function changeProfile(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof UpdateProfileBody>,
): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const current = await findUserForUpdate(trx, actor.workspaceId, actor.userId);
    if (!current) throw notFound('User');
    const user = toUser(
      await updateUser(trx, actor.workspaceId, actor.userId, { name: input.name, locale: input.locale }),
    );
    await writeHistory(trx, {
      workspaceId: actor.workspaceId,
      entity: 'user',
      recordId: actor.userId,
      actorId: actor.userId,
      action: 'update',
      changes: diffRecords(toUser(current), user),
    });
    return user;
  });
}
